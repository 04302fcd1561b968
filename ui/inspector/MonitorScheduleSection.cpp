#include "inspector/MonitorScheduleSection.h"

#include "document/ModelLookup.h"
#include "document/ScheduleFields.h"
#include "inspector/ChoiceDelegate.h"
#include "model/ObjectKinds.h"

#include <QTableWidget>
#include <QToolButton>

namespace spikestudio {

MonitorScheduleSection::MonitorScheduleSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Monitor schedule"),
                   {tr("Monitor"), tr("When"), tr("Order"), tr("Active")}, parent) {
    setObjectName("section:monitorSchedule");
    addButton()->hide(); // monitors are added and removed in the Monitors table
    removeButton()->hide();
    table()->setItemDelegateForColumn(
        WhenColumn, new ChoiceDelegate(
                        [] { return QStringList{"default"} + ScheduleFields::slotNames(); }, this));
    table()
        ->horizontalHeaderItem(WhenColumn)
        ->setToolTip(tr("Brian2's when: the slot of each time step the monitor records in"));
    table()
        ->horizontalHeaderItem(OrderColumn)
        ->setToolTip(tr("Brian2's order within the slot (a SpikeMonitor's needs a when)"));
    table()
        ->horizontalHeaderItem(ActiveColumn)
        ->setToolTip(tr("Brian2's active: an inactive monitor records nothing"));
}

bool MonitorScheduleSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Group &&
           ModelLookup::group(model(), object.name) != nullptr && !monitors().empty();
}

void MonitorScheduleSection::refresh() {
    setVisible(appliesTo(object()));
    TableSection::refresh();
}

/// The monitors of the group and of its subgroups, in the model's order.
std::vector<const MonitorSpec*> MonitorScheduleSection::monitors() const {
    std::vector<const MonitorSpec*> shown;
    const GroupSpec* group = ModelLookup::group(model(), object().name);
    if (!group)
        return shown;
    for (const MonitorSpec& monitor : model().monitors) {
        bool ofGroup = monitor.source == group->name;
        for (const SubgroupSpec& subgroup : group->subgroups)
            ofGroup = ofGroup || monitor.source == subgroup.name;
        if (ofGroup)
            shown.push_back(&monitor);
    }
    return shown;
}

QList<QStringList> MonitorScheduleSection::rows() const {
    QList<QStringList> rows;
    for (const MonitorSpec* monitor : monitors())
        rows.append({QString::fromStdString(monitor->name), ScheduleFields::whenText(monitor->when),
                     ScheduleFields::orderText(monitor->order),
                     monitor->active ? "true" : "false"});
    return rows;
}

bool MonitorScheduleSection::isEditable(int row, int column) const {
    const auto shown = monitors();
    if (column == MonitorColumn || row >= int(shown.size()))
        return false;
    const MonitorKind& kind = ObjectKinds::of(shown[size_t(row)]->type);
    return kind.hasField(column == WhenColumn    ? "when"
                         : column == OrderColumn ? "order"
                                                 : "active");
}

bool MonitorScheduleSection::isCheckColumn(int column) const {
    return column == ActiveColumn;
}

void MonitorScheduleSection::commitCell(int row, int column, const QString& text) {
    const auto shown = monitors();
    if (row < 0 || row >= int(shown.size()))
        return;
    const std::string name = shown[size_t(row)]->name;
    std::optional<ScheduleFields::Values> values = ScheduleFields::ofMonitor(model(), name);
    if (!values)
        return;
    if (column == WhenColumn) {
        values->when = ScheduleFields::parseWhen(text);
    } else if (column == OrderColumn) {
        QString problem;
        if (!ScheduleFields::parseOrder(text, values->order, &problem)) {
            showLocalProblem(row, column, problem);
            return;
        }
    } else if (column == ActiveColumn) {
        values->active = text == "true";
    } else {
        return;
    }
    if (*values == *ScheduleFields::ofMonitor(model(), name))
        return;
    const QString monitor = QString::fromStdString(name);
    pushEdit(column == ActiveColumn ? (values->active ? tr("Activate %1").arg(monitor)
                                                      : tr("Deactivate %1").arg(monitor))
             : column == WhenColumn ? tr("When of %1").arg(monitor)
                                    : tr("Order of %1").arg(monitor),
             [name, changed = *values](Model& model) {
                 ScheduleFields::setMonitor(model, name, changed);
             });
}

void MonitorScheduleSection::removeRow(int) {}

std::optional<TableSection::Cell>
MonitorScheduleSection::problemCell(const Diagnostic& problem) const {
    const auto shown = monitors();
    for (size_t row = 0; row < shown.size(); ++row)
        if (QString::fromStdString(shown[row]->name) == problem.object) {
            if (problem.field == "when")
                return Cell{int(row), WhenColumn};
            if (problem.field == "order")
                return Cell{int(row), OrderColumn};
            if (problem.field == "active")
                return Cell{int(row), ActiveColumn};
        }
    return std::nullopt;
}

} // namespace spikestudio
