#include "inspector/PathwaysSection.h"

#include "document/ModelLookup.h"

#include <QRegularExpression>
#include <QToolButton>

namespace spikestudio {

namespace {

// Columns in the order of the fields the checker names (pathways[k].<field>).
const QStringList kFields{"name", "direction", "code", "delay", "event"};
enum Column { NameColumn, DirectionColumn, CodeColumn, DelayColumn, EventColumn };

std::string& textField(PathwaySpec& pathway, int column) {
    switch (column) {
    case NameColumn:
        return pathway.name;
    case DirectionColumn:
        return pathway.direction;
    case CodeColumn:
        return pathway.code;
    case DelayColumn:
        return pathway.delay;
    default:
        return pathway.event;
    }
}

/// A name no pathway of `pathways` (nor on_pre's 'pre' or on_post's 'post') has.
std::string freePathwayName(const SynapsesSpec& synapses) {
    for (int k = 1;; ++k) {
        const std::string name = "pathway" + std::to_string(k);
        bool taken = false;
        for (const PathwaySpec& pathway : synapses.pathways)
            taken = taken || pathway.name == name;
        if (!taken)
            return name;
    }
}

} // namespace

PathwaysSection::PathwaysSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Pathways"),
                   {tr("Name"), tr("Direction"), tr("Code"), tr("Delay"), tr("Event")}, parent) {
    setObjectName("section:pathways");
    addButton()->setToolTip(tr("Add a pathway: code run when the source's (pre) or target's "
                               "(post) event arrives, after its own delay"));
    connect(addButton(), &QToolButton::clicked, this, &PathwaysSection::addPathway);
}

bool PathwaysSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Synapses;
}

const std::vector<PathwaySpec>* PathwaysSection::pathways() const {
    const SynapsesSpec* synapses = ModelLookup::synapses(model(), object().name);
    return synapses ? &synapses->pathways : nullptr;
}

QList<QStringList> PathwaysSection::rows() const {
    QList<QStringList> rows;
    if (const auto* list = pathways())
        for (const PathwaySpec& pathway : *list)
            rows.append(
                {QString::fromStdString(pathway.name), QString::fromStdString(pathway.direction),
                 QString::fromStdString(pathway.code).replace('\n', "; "),
                 QString::fromStdString(pathway.delay), QString::fromStdString(pathway.event)});
    return rows;
}

void PathwaysSection::editPathways(const QString& text,
                                   const std::function<void(std::vector<PathwaySpec>&)>& edit) {
    const QString name = object().name;
    pushEdit(text, [name, edit](Model& model) {
        if (SynapsesSpec* synapses = ModelLookup::synapses(model, name))
            edit(synapses->pathways);
    });
}

/// A new post pathway when on_pre is used (they cannot be mixed), else a pre one.
void PathwaysSection::addPathway() {
    const SynapsesSpec* synapses = ModelLookup::synapses(model(), object().name);
    if (!synapses)
        return;
    PathwaySpec pathway;
    pathway.name = freePathwayName(*synapses);
    pathway.direction = synapses->onPre.empty() ? "pre" : "post";
    editPathways(tr("Add pathway %1").arg(QString::fromStdString(pathway.name)),
                 [pathway](std::vector<PathwaySpec>& list) { list.push_back(pathway); });
}

void PathwaysSection::commitCell(int row, int column, const QString& text) {
    // The code cell shows one line; "; " or a newline separate statements.
    const std::string value =
        column == CodeColumn
            ? text.trimmed().replace(QRegularExpression("\\s*;\\s*"), "\n").toStdString()
            : text.trimmed().toStdString();
    if (column == NameColumn && value.empty()) {
        showLocalProblem(row, column, tr("a pathway needs a name"));
        return;
    }
    editPathways(tr("Edit pathway"), [row, column, value](std::vector<PathwaySpec>& list) {
        if (row < int(list.size()))
            textField(list[size_t(row)], column) = value;
    });
}

void PathwaysSection::removeRow(int row) {
    editPathways(tr("Remove pathway"), [row](std::vector<PathwaySpec>& list) {
        if (row < int(list.size()))
            list.erase(list.begin() + row);
    });
}

std::optional<TableSection::Cell> PathwaysSection::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression field("^pathways\\[(\\d+)\\]\\.(\\w+)$");
    const auto match = field.match(problem.field);
    if (problem.object != object().name || !match.hasMatch())
        return std::nullopt;
    const int row = match.captured(1).toInt();
    const auto* list = pathways();
    if (!list || row >= int(list->size()))
        return std::nullopt;
    return Cell{row, int(std::max<qsizetype>(kFields.indexOf(match.captured(2)), 0))};
}

} // namespace spikestudio
