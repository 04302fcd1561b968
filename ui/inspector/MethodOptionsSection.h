#pragma once

#include "inspector/NamedExpressionsSection.h"

namespace spikestudio {

/// A NeuronGroup's method options (Brian2's method_options of the GSL
/// methods): option = value, such as `absolute_error[v]` = `0.01*mV`. Each
/// new row is the first of Brian2's options not set yet, with its default.
class MethodOptionsSection : public NamedExpressionsSection {
    Q_OBJECT

public:
    explicit MethodOptionsSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    const spikestudio::NamedExpressions* entriesIn(const spikestudio::Model& model) const override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addOption();
};

} // namespace spikestudio
