#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// The subgroups of a NeuronGroup or PoissonGroup (Brian2's `Pe = P[0:3200]`):
/// name, start and stop (exclusive). Renaming a subgroup renames what refers
/// to it (synapses, monitors, PoissonInputs), in the same undo step.
class SubgroupsSection : public TableSection {
    Q_OBJECT

public:
    explicit SubgroupsSection(ModelDocument* document, QWidget* parent = nullptr);

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    void addSubgroup();
    void commitName(int row, const QString& text);
    void commitBound(int row, int column, const QString& text);
    void editSubgroups(const QString& text,
                       const std::function<void(spikestudio::Model&,
                                                std::vector<spikestudio::SubgroupSpec>&)>& edit);
};

} // namespace spikestudio
