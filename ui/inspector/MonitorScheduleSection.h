#pragma once

#include "inspector/TableSection.h"

namespace spikestudio {

/// Where the monitors of a group (and of its subgroups) record in each time
/// step: Brian2's `when` (a drop-down of the schedule's slots, or default),
/// `order` and `active` (a check box), one row per monitor. Fields a kind
/// does not take (a PopulationRateMonitor's when and order) cannot be edited.
class MonitorScheduleSection : public TableSection {
    Q_OBJECT

public:
    explicit MonitorScheduleSection(ModelDocument* document, QWidget* parent = nullptr);

    /// Shown while the group has monitors (they come and go with edits).
    void refresh() override;

    enum Column { MonitorColumn, WhenColumn, OrderColumn, ActiveColumn };

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    bool isEditable(int row, int column) const override;
    bool isCheckColumn(int column) const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    std::vector<const MonitorSpec*> monitors() const;
};

} // namespace spikestudio
