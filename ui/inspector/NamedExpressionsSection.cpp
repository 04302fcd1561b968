#include "inspector/NamedExpressionsSection.h"

#include "document/EquationVariables.h"
#include "document/ModelLookup.h"
#include "model/ObjectKinds.h"

#include <QToolButton>

namespace spikestudio {

namespace {

const QString kInitialPrefix = QStringLiteral("initial.");

/// The list a section of `kind` edits in `model`, or nullptr.
template <typename ModelType>
auto namedExpressions(ModelType& model, const ObjectRef& object, NamedExpressionsSection::Kind kind)
    -> decltype(&model.constants) {
    if (kind == NamedExpressionsSection::Kind::Constants)
        return object.kind == ObjectRef::Kind::Model ? &model.constants : nullptr;
    if (auto* group = ModelLookup::group(model, object.name);
        group && object.kind == ObjectRef::Kind::Group)
        return &group->initial;
    if (auto* synapses = ModelLookup::synapses(model, object.name);
        synapses && object.kind == ObjectRef::Kind::Synapses)
        return &synapses->initial;
    return nullptr;
}

} // namespace

NamedExpressionsSection::NamedExpressionsSection(ModelDocument* document, Kind kind,
                                                 QWidget* parent)
    : TableSection(document, kind == Kind::Constants ? tr("Constants") : tr("Initial values"),
                   {kind == Kind::Constants ? tr("Name") : tr("Variable"), tr("Value")}, parent),
      kind_(kind) {
    setObjectName(kind == Kind::Constants ? "section:constants" : "section:initial");
    addButton()->setToolTip(kind == Kind::Constants ? tr("Add a constant")
                                                    : tr("Set the initial value of a variable"));
    connect(addButton(), &QToolButton::clicked, this, &NamedExpressionsSection::addEntry);
}

bool NamedExpressionsSection::appliesTo(const ObjectRef& object) const {
    if (kind_ == Kind::Constants)
        return object.kind == ObjectRef::Kind::Model;
    if (object.kind == ObjectRef::Kind::Synapses)
        return true;
    const GroupSpec* group =
        object.kind == ObjectRef::Kind::Group ? ModelLookup::group(model(), object.name) : nullptr;
    return group && ObjectKinds::of(group->type).hasField("initial");
}

const NamedExpressions* NamedExpressionsSection::entries() const {
    return namedExpressions(model(), object(), kind_);
}

QList<QStringList> NamedExpressionsSection::rows() const {
    QList<QStringList> rows;
    if (const NamedExpressions* list = entries())
        for (const auto& [name, value] : *list)
            rows.append({QString::fromStdString(name), QString::fromStdString(value)});
    return rows;
}

void NamedExpressionsSection::editEntries(const QString& text,
                                          const std::function<void(NamedExpressions&)>& edit) {
    const ObjectRef target = object();
    const Kind kind = kind_;
    pushEdit(text, [target, kind, edit](Model& model) {
        if (NamedExpressions* list = namedExpressions(model, target, kind))
            edit(*list);
    });
}

void NamedExpressionsSection::commitCell(int row, int column, const QString& text) {
    const std::string value = text.trimmed().toStdString();
    const QString what = kind_ == Kind::Constants ? tr("constant") : tr("initial value");
    editEntries(tr("Edit %1 %2").arg(what, text), [row, column, value](NamedExpressions& list) {
        if (row < int(list.size()))
            (column == 0 ? list[size_t(row)].first : list[size_t(row)].second) = value;
    });
}

void NamedExpressionsSection::addEntry() {
    const auto entry = newEntry();
    const QString what = kind_ == Kind::Constants ? tr("constant") : tr("initial value");
    editEntries(tr("Add %1 %2").arg(what, QString::fromStdString(entry.first)),
                [entry](NamedExpressions& list) { list.push_back(entry); });
}

/// A constant with a free name, or the first variable not yet initialised at
/// its zero, so that a new entry is valid until the user changes it.
std::pair<std::string, std::string> NamedExpressionsSection::newEntry() const {
    if (kind_ == Kind::Constants)
        return {ModelLookup::freeName(model(), "c").toStdString(), "1"};
    const GroupSpec* group = ModelLookup::group(model(), object().name);
    const SynapsesSpec* synapses = ModelLookup::synapses(model(), object().name);
    const std::string& equations = group ? group->equations : synapses->model;
    for (const EquationVariables::Variable& variable : EquationVariables::all(equations))
        if (!variable.subexpression && rowNamed(variable.name) < 0)
            return {variable.name.toStdString(), variable.zero.toStdString()};
    return {"v", "0"};
}

void NamedExpressionsSection::removeRow(int row) {
    const QString what = kind_ == Kind::Constants ? tr("constant") : tr("initial value");
    editEntries(tr("Remove %1").arg(what), [row](NamedExpressions& list) {
        if (row < int(list.size()))
            list.erase(list.begin() + row);
    });
}

int NamedExpressionsSection::rowNamed(const QString& name) const {
    const QList<QStringList> shown = rows();
    for (int row = 0; row < shown.size(); ++row)
        if (shown[row].value(0) == name)
            return row;
    return -1;
}

// The checker names a constant by object "constants" and field = its name, an
// initial value by the object and field "initial.<variable>".
std::optional<TableSection::Cell>
NamedExpressionsSection::problemCell(const Diagnostic& problem) const {
    QString name;
    if (kind_ == Kind::Constants && problem.object == "constants")
        name = problem.field;
    else if (kind_ == Kind::InitialValues && problem.object == object().name &&
             problem.field.startsWith(kInitialPrefix))
        name = problem.field.mid(kInitialPrefix.size());
    const int row = name.isEmpty() ? -1 : rowNamed(name);
    if (row < 0)
        return std::nullopt;
    return Cell{row, 1}; // the message under the table names the entry and says what is wrong
}

} // namespace spikestudio
