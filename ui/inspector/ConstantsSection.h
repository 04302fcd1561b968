#pragma once

#include "inspector/NamedExpressionsSection.h"

namespace spikestudio {

/// The model's constants, name = expression. Order matters (later entries
/// may use earlier ones), so new entries go at the end.
class ConstantsSection : public NamedExpressionsSection {
    Q_OBJECT

public:
    explicit ConstantsSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    const spikestudio::NamedExpressions* entriesIn(const spikestudio::Model& model) const override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addEntry();
};

} // namespace spikestudio
