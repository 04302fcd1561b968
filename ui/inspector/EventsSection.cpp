#include "inspector/EventsSection.h"

#include "document/ModelLookup.h"
#include "model/ObjectKinds.h"

#include <QRegularExpression>
#include <QToolButton>
#include <algorithm>

namespace spikestudio {

namespace {

// Columns in the order of the fields the checker names (events[k].name, ...).
const QStringList kParts{"name", "condition", "code"};
enum Column { NameColumn, ConditionColumn, CodeColumn };

/// A name no event of `events` has yet: up, up_1, up_2, ...
std::string freeEventName(const std::vector<EventSpec>& events) {
    for (int k = 0;; ++k) {
        const std::string name = k == 0 ? "up" : "up_" + std::to_string(k);
        if (std::none_of(events.begin(), events.end(),
                         [&](const EventSpec& event) { return event.name == name; }))
            return name;
    }
}

} // namespace

EventsSection::EventsSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Events"), {tr("Name"), tr("Condition"), tr("Code")}, parent) {
    setObjectName("section:events");
    addButton()->setToolTip(tr("Add an event of the group's own: a condition checked every step "
                               "after the thresholds, and code run for its neurons"));
    connect(addButton(), &QToolButton::clicked, this, &EventsSection::addEvent);
}

bool EventsSection::appliesTo(const ObjectRef& object) const {
    const GroupSpec* group =
        object.kind == ObjectRef::Kind::Group ? ModelLookup::group(model(), object.name) : nullptr;
    return group && ObjectKinds::of(group->type).hasField("events");
}

const std::vector<EventSpec>* EventsSection::events() const {
    const GroupSpec* group = ModelLookup::group(model(), object().name);
    return group ? &group->events : nullptr;
}

QList<QStringList> EventsSection::rows() const {
    QList<QStringList> rows;
    if (const auto* list = events())
        for (const EventSpec& event : *list)
            rows.append({QString::fromStdString(event.name),
                         QString::fromStdString(event.condition),
                         QString::fromStdString(event.code)});
    return rows;
}

// A new event never holds until its condition is written.
void EventsSection::addEvent() {
    const auto* list = events();
    if (!list)
        return;
    const EventSpec event{freeEventName(*list), "False", ""};
    const std::string group = object().name.toStdString();
    pushEdit(tr("Add event %1").arg(QString::fromStdString(event.name)),
             [group, event](Model& model) {
                 if (GroupSpec* spec = ModelLookup::group(model, QString::fromStdString(group)))
                     spec->events.push_back(event);
             });
}

void EventsSection::editEvent(int row, const QString& text,
                              const std::function<void(EventSpec&)>& edit) {
    const std::string group = object().name.toStdString();
    pushEdit(text, [group, row, edit](Model& model) {
        GroupSpec* spec = ModelLookup::group(model, QString::fromStdString(group));
        if (spec && row < int(spec->events.size()))
            edit(spec->events[size_t(row)]);
    });
}

void EventsSection::commitCell(int row, int column, const QString& text) {
    const std::string value = text.trimmed().toStdString();
    if (column == NameColumn && value.empty()) {
        showLocalProblem(row, column, tr("an event needs a name"));
        return;
    }
    editEvent(row, tr("Edit event"), [column, value](EventSpec& event) {
        (column == NameColumn        ? event.name
         : column == ConditionColumn ? event.condition
                                     : event.code) = value;
    });
}

void EventsSection::removeRow(int row) {
    const std::string group = object().name.toStdString();
    pushEdit(tr("Remove event"), [group, row](Model& model) {
        GroupSpec* spec = ModelLookup::group(model, QString::fromStdString(group));
        if (spec && row < int(spec->events.size()))
            spec->events.erase(spec->events.begin() + row);
    });
}

std::optional<TableSection::Cell> EventsSection::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression entry(QStringLiteral("^events\\[(\\d+)\\]\\.(\\w+)$"));
    const auto match = entry.match(problem.field);
    const auto* list = events();
    if (problem.object != object().name || !match.hasMatch() || !list)
        return std::nullopt;
    const int row = match.captured(1).toInt();
    if (row >= int(list->size()))
        return std::nullopt;
    return Cell{row, int(std::max<qsizetype>(kParts.indexOf(match.captured(2)), 0))};
}

} // namespace spikestudio
