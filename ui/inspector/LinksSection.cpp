#include "inspector/LinksSection.h"

#include "diagnostics/UserError.h"
#include "document/ModelLookup.h"
#include "equations/EquationParser.h"
#include "model/ObjectKinds.h"

#include <QRegularExpression>
#include <QToolButton>

namespace spikestudio {

namespace {

enum Column { VariableColumn, SourceColumn, SourceVariableColumn, IndexColumn };

const QStringList kParts{"variable", "source", "source_variable", "index"};

QString indexText(const LinkSpec& link) {
    if (!link.hasIndex)
        return {};
    QStringList numbers;
    for (long long index : link.index)
        numbers << QString::number(index);
    return numbers.join(", ");
}

/// The `(linked)` parameters the equations declare, in order; none when
/// they do not parse (the checker reports that at the equations).
std::vector<std::string> linkedParameters(const GroupSpec& group) {
    std::vector<std::string> names;
    try {
        for (const Equation& eq : parseEquations(group.equations))
            if (eq.hasFlag("linked"))
                names.push_back(eq.name);
    } catch (const UserError&) {
    }
    return names;
}

} // namespace

LinksSection::LinksSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Links"),
                   {tr("Variable"), tr("Source"), tr("Source variable"), tr("Index")}, parent) {
    setObjectName("section:links");
    addButton()->setToolTip(tr("Link a (linked) variable to a variable of another group "
                               "(Brian2's linked_var)"));
    connect(addButton(), &QToolButton::clicked, this, &LinksSection::addLink);
}

bool LinksSection::appliesTo(const ObjectRef& object) const {
    const GroupSpec* group =
        object.kind == ObjectRef::Kind::Group ? ModelLookup::group(model(), object.name) : nullptr;
    return group && ObjectKinds::of(group->type).hasField("links");
}

QList<QStringList> LinksSection::rows() const {
    QList<QStringList> rows;
    if (const GroupSpec* group = ModelLookup::group(model(), object().name))
        for (const LinkSpec& link : group->links)
            rows.append({QString::fromStdString(link.variable), QString::fromStdString(link.source),
                         QString::fromStdString(link.sourceVariable), indexText(link)});
    return rows;
}

void LinksSection::editLinks(const QString& text,
                             const std::function<void(std::vector<LinkSpec>&)>& edit) {
    const QString name = object().name;
    pushEdit(text, [name, edit](Model& model) {
        if (GroupSpec* group = ModelLookup::group(model, name))
            edit(group->links);
    });
}

/// The first (linked) parameter without a link, reading `v` of the first
/// other group (or of this one when it is alone): a start the checker
/// explains if it does not fit.
void LinksSection::addLink() {
    const GroupSpec* group = ModelLookup::group(model(), object().name);
    if (!group)
        return;
    LinkSpec link;
    link.variable = "x";
    for (const std::string& name : linkedParameters(*group)) {
        bool linked = false;
        for (const LinkSpec& existing : group->links)
            linked = linked || existing.variable == name;
        if (!linked) {
            link.variable = name;
            break;
        }
    }
    link.source = group->name;
    for (const GroupSpec& other : model().groups)
        if (other.name != group->name) {
            link.source = other.name;
            break;
        }
    link.sourceVariable = "v";
    editLinks(tr("Link %1").arg(QString::fromStdString(link.variable)),
              [link](std::vector<LinkSpec>& list) { list.push_back(link); });
}

void LinksSection::commitCell(int row, int column, const QString& text) {
    if (column == IndexColumn) {
        commitIndex(row, text);
        return;
    }
    const std::string value = text.trimmed().toStdString();
    editLinks(tr("Edit link %1").arg(rows().value(row).value(VariableColumn)),
              [row, column, value](std::vector<LinkSpec>& list) {
                  if (row >= int(list.size()))
                      return;
                  LinkSpec& link = list[size_t(row)];
                  (column == VariableColumn ? link.variable
                   : column == SourceColumn ? link.source
                                            : link.sourceVariable) = value;
              });
}

/// Whole numbers separated by commas or spaces; empty: neuron by neuron.
void LinksSection::commitIndex(int row, const QString& text) {
    static const QRegularExpression separator(QStringLiteral("[,\\s]+"));
    std::vector<long long> index;
    const QStringList parts = text.trimmed().split(separator, Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        bool ok = false;
        const long long value = part.toLongLong(&ok);
        if (!ok || value < 0) {
            showLocalProblem(row, IndexColumn,
                             tr("'%1' is not a list of neuron indices (whole numbers from 0 "
                                "on, separated by commas)")
                                 .arg(text));
            return;
        }
        index.push_back(value);
    }
    const bool hasIndex = !parts.isEmpty();
    editLinks(tr("Edit link %1").arg(rows().value(row).value(VariableColumn)),
              [row, hasIndex, index](std::vector<LinkSpec>& list) {
                  if (row >= int(list.size()))
                      return;
                  list[size_t(row)].hasIndex = hasIndex;
                  list[size_t(row)].index = index;
              });
}

void LinksSection::removeRow(int row) {
    editLinks(tr("Remove link %1").arg(rows().value(row).value(VariableColumn)),
              [row](std::vector<LinkSpec>& list) {
                  if (row < int(list.size()))
                      list.erase(list.begin() + row);
              });
}

// The checker names a link's field "links[1].index", or "links" for a
// (linked) variable without one (shown at the first row).
std::optional<TableSection::Cell> LinksSection::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression field(QStringLiteral("^links(?:\\[(\\d+)\\](?:\\.(\\w+))?)?$"));
    if (problem.object != object().name)
        return std::nullopt;
    const QRegularExpressionMatch match = field.match(problem.field);
    if (!match.hasMatch() || (match.captured(1).isEmpty() && rows().isEmpty()))
        return std::nullopt;
    return Cell{match.captured(1).toInt(),
                int(std::max<qsizetype>(kParts.indexOf(match.captured(2)), 0))};
}

} // namespace spikestudio
