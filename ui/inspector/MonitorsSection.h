#pragma once

#include "inspector/TableSection.h"

class QMenu;

namespace spikestudio {

/// The monitors recording the inspected group: add a SpikeMonitor, a
/// PopulationRateMonitor or a StateMonitor of one of its variables (the same
/// monitors the canvas menu adds), edit what a StateMonitor records, remove.
class MonitorsSection : public TableSection {
    Q_OBJECT

public:
    explicit MonitorsSection(ModelDocument* document, QWidget* parent = nullptr);

    /// The + button's menu (its actions are named addSpikeMonitor,
    /// addRateMonitor and addStateMonitor:<variable>).
    QMenu* addMenu() const { return addMenu_; }
    /// Also offers the group's current variables in the + menu.
    void refresh() override;

protected:
    bool appliesTo(const ObjectRef& object) const override;
    QList<QStringList> rows() const override;
    bool isEditable(int row, int column) const override;
    void commitCell(int row, int column, const QString& text) override;
    void removeRow(int row) override;
    std::optional<Cell> problemCell(const Diagnostic& problem) const override;

private:
    std::vector<const spikestudio::MonitorSpec*> monitors() const;
    QStringList sourceChoices() const;
    void commitSource(int row, const QString& text);
    void fillAddMenu();
    void addMonitor(spikestudio::MonitorType type, const QString& variable = {},
                    const QString& event = {});
    void editMonitor(int row, const QString& text,
                     const std::function<void(spikestudio::MonitorSpec&)>& edit);
    void commitVariables(int row, const QString& text);
    void commitRecord(int row, const QString& text);

    QMenu* addMenu_;
};

} // namespace spikestudio
