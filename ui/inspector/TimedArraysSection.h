#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// The model's TimedArrays: name, grid step, unit and values ("0, 0.5, 1" for
/// one column, rows separated by ';' for a table).
class TimedArraysSection : public TableSection {
    Q_OBJECT

public:
    explicit TimedArraysSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addArray();
    void editArray(int row, const std::function<void(spikestudio::TimedArraySpec&)>& edit);
};

} // namespace spikestudio
