#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// The model's PoissonInputs: name, target group, target variable, number of
/// inputs N, rate of each, and the weight each spike adds.
class PoissonInputsSection : public TableSection {
    Q_OBJECT

public:
    explicit PoissonInputsSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addInput();
    void editInput(int row, const std::function<void(spikestudio::PoissonInputSpec&)>& edit);
    void commitCount(int row, const QString& text);
};

} // namespace spikestudio
