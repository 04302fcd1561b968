#include "inspector/MonitorsSection.h"

#include "commands/AddMonitorCommand.h"
#include "document/EquationVariables.h"
#include "document/ModelDefaults.h"
#include "document/ModelDocument.h"
#include "document/ModelLookup.h"
#include "document/NumberLists.h"
#include "inspector/ChoiceDelegate.h"
#include "model/ObjectKinds.h"

#include <QMenu>
#include <QRegularExpression>
#include <QTableWidget>
#include <QToolButton>

namespace spikestudio {

namespace {

enum Column { NameColumn, SourceColumn, TypeColumn, VariablesColumn, RecordColumn };

constexpr long long kRecordedNeurons = 5; // as the canvas menu records

/// What the monitor records: its kind's short label, and the event it
/// listens to when its kind has that choice ("events (spike)").
QString typeLabel(const MonitorSpec& monitor) {
    const MonitorKind& kind = ObjectKinds::of(monitor.type);
    QString label = QString::fromStdString(kind.shortLabel);
    if (const FieldDescriptor* event = kind.field("event"))
        label += " (" +
                 QString::fromStdString(monitor.event.empty() ? event->emptyMeans : monitor.event) +
                 ")";
    return label;
}

/// Whether the monitor's `record` says if events are kept (true or false),
/// rather than which elements (a StateMonitor's indices).
bool recordsEventsOrNot(const MonitorSpec& monitor) {
    const FieldDescriptor* field = ObjectKinds::of(monitor.type).field("record");
    return field && field->type == FieldType::Flag;
}

QString recordText(const MonitorSpec& monitor) {
    if (recordsEventsOrNot(monitor))
        return monitor.recordEvents ? QStringLiteral("True") : QStringLiteral("False");
    return monitor.recordAll ? QStringLiteral("True") : NumberLists::formatIndices(monitor.record);
}

QString variablesText(const MonitorSpec& monitor) {
    QStringList names;
    for (const std::string& name : monitor.variables)
        names << QString::fromStdString(name);
    return names.join(", ");
}

} // namespace

MonitorsSection::MonitorsSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Monitors"),
                   {tr("Name"), tr("Of"), tr("Records"), tr("Variables"), tr("Record")}, parent),
      addMenu_(new QMenu(this)) {
    setObjectName("section:monitors");
    addButton()->setToolTip(tr("Record this group"));
    addButton()->setMenu(addMenu_);
    addButton()->setPopupMode(QToolButton::InstantPopup);
    table()->setItemDelegateForColumn(SourceColumn,
                                      new ChoiceDelegate([this] { return sourceChoices(); }, this));
    table()
        ->horizontalHeaderItem(RecordColumn)
        ->setToolTip(tr("A state monitor: True (every element) or the indices it records. A spike "
                        "or event monitor: True records every event, False only counts each "
                        "neuron's events (Brian2's record=False)"));
}

/// The group and its subgroups: what a monitor shown here may record.
QStringList MonitorsSection::sourceChoices() const {
    QStringList choices{object().name};
    if (const GroupSpec* group = ModelLookup::group(model(), object().name))
        for (const SubgroupSpec& subgroup : group->subgroups)
            choices << QString::fromStdString(subgroup.name);
    return choices;
}

bool MonitorsSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Group;
}

void MonitorsSection::refresh() {
    if (appliesTo(object()))
        fillAddMenu();
    TableSection::refresh();
}

std::vector<const MonitorSpec*> MonitorsSection::monitors() const {
    std::vector<const MonitorSpec*> found;
    const QStringList sources = sourceChoices();
    for (const MonitorSpec& monitor : model().monitors)
        if (sources.contains(QString::fromStdString(monitor.source)))
            found.push_back(&monitor);
    return found;
}

QList<QStringList> MonitorsSection::rows() const {
    QList<QStringList> rows;
    for (const MonitorSpec* monitor : monitors()) {
        const MonitorKind& kind = ObjectKinds::of(monitor->type);
        rows.append({QString::fromStdString(monitor->name), QString::fromStdString(monitor->source),
                     typeLabel(*monitor),
                     kind.hasField("variables") ? variablesText(*monitor) : QString(),
                     kind.hasField("record") ? recordText(*monitor) : QString()});
    }
    return rows;
}

/// A cell is edited when the monitor's kind has the column's field.
bool MonitorsSection::isEditable(int row, int column) const {
    const auto shown = monitors();
    if (row >= int(shown.size()))
        return false;
    const MonitorKind& kind = ObjectKinds::of(shown[size_t(row)]->type);
    return column == SourceColumn || (column == VariablesColumn && kind.hasField("variables")) ||
           (column == RecordColumn && kind.hasField("record"));
}

void MonitorsSection::fillAddMenu() {
    addMenu_->clear();
    for (const MonitorKind* kind : ObjectKinds::monitors())
        if (!kind->needs("variables"))
            addMenu_
                ->addAction(tr("Record %1").arg(QString::fromStdString(kind->summary)), this,
                            [this, type = kind->type] { addMonitor(type); })
                ->setObjectName(QString::fromStdString("add" + kind->typeName));
    const GroupSpec* group = ModelLookup::group(model(), object().name);
    if (!group || !ObjectKinds::of(group->type).hasField("equations"))
        return;
    if (!group->events.empty())
        addMenu_->addSection(tr("Record an event of the group's own"));
    for (const EventSpec& event : group->events) {
        const QString name = QString::fromStdString(event.name);
        addMenu_
            ->addAction(tr("Record event '%1'").arg(name), this,
                        [this, name] { addMonitor(MonitorType::Event, {}, name); })
            ->setObjectName("addEventMonitor:" + name);
    }
    addMenu_->addSection(tr("Record a variable (first %1 neurons)").arg(kRecordedNeurons));
    for (const QString& variable : EquationVariables::recordable(group->equations))
        addMenu_
            ->addAction(variable, this,
                        [this, variable] { addMonitor(MonitorType::State, variable); })
            ->setObjectName("addStateMonitor:" + variable);
}

void MonitorsSection::addMonitor(MonitorType type, const QString& variable, const QString& event) {
    std::vector<std::string> variables;
    if (!variable.isEmpty())
        variables.push_back(variable.toStdString());
    const FieldDescriptor* record = ObjectKinds::of(type).field("record");
    const bool choosesElements = record && record->type == FieldType::RecordChoice;
    MonitorSpec monitor = ModelDefaults::monitor(model(), object().name.toStdString(), type,
                                                 variables, choosesElements ? kRecordedNeurons : 0);
    monitor.event = event.toStdString();
    document()->undoStack()->push(new AddMonitorCommand(document(), monitor));
}

void MonitorsSection::editMonitor(int row, const QString& text,
                                  const std::function<void(MonitorSpec&)>& edit) {
    const auto shown = monitors();
    if (row >= int(shown.size()))
        return;
    const std::string name = shown[size_t(row)]->name;
    pushEdit(text.arg(QString::fromStdString(name)), [name, edit](Model& model) {
        for (MonitorSpec& monitor : model.monitors)
            if (monitor.name == name)
                edit(monitor);
    });
}

void MonitorsSection::commitCell(int row, int column, const QString& text) {
    if (column == SourceColumn)
        commitSource(row, text);
    else if (column == VariablesColumn)
        commitVariables(row, text);
    else if (column == RecordColumn)
        commitRecord(row, text);
}

void MonitorsSection::commitSource(int row, const QString& text) {
    const std::string source = text.trimmed().toStdString();
    editMonitor(row, tr("Record %1 of ") + text.trimmed(),
                [source](MonitorSpec& monitor) { monitor.source = source; });
}

void MonitorsSection::commitVariables(int row, const QString& text) {
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    std::vector<std::string> variables;
    for (const QString& name : text.split(separators, Qt::SkipEmptyParts))
        variables.push_back(name.toStdString());
    const auto shown = monitors();
    if (row >= int(shown.size()))
        return;
    const MonitorKind& kind = ObjectKinds::of(shown[size_t(row)]->type);
    if (variables.empty() && kind.needs("variables")) {
        showLocalProblem(
            row, VariablesColumn,
            tr("a %1 records at least one variable").arg(QString::fromStdString(kind.typeName)));
        return;
    }
    editMonitor(row, tr("Record variables of %1"),
                [variables](MonitorSpec& monitor) { monitor.variables = variables; });
}

// "True" records every neuron, as Brian2's record=True; otherwise the indices.
// A spike or event monitor takes True or False.
void MonitorsSection::commitRecord(int row, const QString& text) {
    const bool all = text.trimmed().compare("True", Qt::CaseInsensitive) == 0;
    const auto shown = monitors();
    if (row < int(shown.size()) && recordsEventsOrNot(*shown[size_t(row)])) {
        if (!all && text.trimmed().compare("False", Qt::CaseInsensitive) != 0) {
            showLocalProblem(row, RecordColumn,
                             tr("True records every event, False counts them only"));
            return;
        }
        editMonitor(row, all ? tr("Record events of %1") : tr("Count events of %1 only"),
                    [all](MonitorSpec& monitor) { monitor.recordEvents = all; });
        return;
    }
    QString problem;
    const auto indices = all ? std::vector<long long>() : NumberLists::parseIndices(text, &problem);
    if (!indices) {
        showLocalProblem(row, RecordColumn, problem + tr(" (or True for all)"));
        return;
    }
    editMonitor(row, tr("Record indices of %1"), [all, indices](MonitorSpec& monitor) {
        monitor.recordAll = all;
        monitor.record = *indices;
    });
}

void MonitorsSection::removeRow(int row) {
    const auto shown = monitors();
    if (row >= int(shown.size()))
        return;
    const std::string name = shown[size_t(row)]->name;
    pushEdit(tr("Remove monitor %1").arg(QString::fromStdString(name)), [name](Model& model) {
        std::erase_if(model.monitors,
                      [&](const MonitorSpec& monitor) { return monitor.name == name; });
    });
}

std::optional<TableSection::Cell> MonitorsSection::problemCell(const Diagnostic& problem) const {
    const auto shown = monitors();
    for (size_t row = 0; row < shown.size(); ++row)
        if (QString::fromStdString(shown[row]->name) == problem.object)
            return Cell{int(row), problem.field == "record"      ? RecordColumn
                                  : problem.field == "variables" ? VariablesColumn
                                  : problem.field == "source"    ? SourceColumn
                                                                 : NameColumn};
    return std::nullopt;
}

} // namespace spikestudio
