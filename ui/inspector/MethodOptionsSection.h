#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// A NeuronGroup's method options (Brian2's method_options of the GSL
/// methods): option = value, such as `absolute_error[v]` = `0.01*mV`. Each
/// new row is the first of Brian2's options not set yet, with its default.
class MethodOptionsSection : public TableSection {
    Q_OBJECT

public:
    explicit MethodOptionsSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addOption();
    void editOptions(const QString& text,
                     const std::function<void(spikestudio::NamedExpressions&)>& edit);
    const spikestudio::NamedExpressions* options() const;
};

} // namespace spikestudio
