#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// A NeuronGroup's or Synapses object's `run_regularly` operations (Brian2's
/// `G.run_regularly(code, dt=, when=, order=, name=)`), one row each: name,
/// code (`;` between statements), dt, when (a drop-down of the schedule's
/// slots), order and, for a group, the neurons it runs on (the whole group or
/// a subgroup). + adds one, − removes the selected one; each edit is one undo
/// step and the checker's messages mark their cell.
class RunRegularlySection : public TableSection {
    Q_OBJECT

public:
    explicit RunRegularlySection(ModelDocument* document, QWidget* parent = nullptr);

    enum Column { NameColumn, CodeColumn, DtColumn, WhenColumn, OrderColumn, SubgroupColumn };

    void showObject(const ObjectRef& object) override;

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    bool onSynapses() const;
    const std::vector<RunRegularlySpec>* operations() const;
    QStringList subgroupChoices() const;
    void addOperation();
    void editOperations(const QString& text,
                        const std::function<void(std::vector<RunRegularlySpec>&)>& edit);
};

} // namespace spikestudio
