#include "inspector/RunRegularlySection.h"

#include "document/EquationVariables.h"
#include "document/ModelLookup.h"
#include "document/ScheduleFields.h"
#include "inspector/ChoiceDelegate.h"
#include "model/ObjectKinds.h"

#include <QRegularExpression>
#include <QTableWidget>
#include <QToolButton>

namespace spikestudio {

namespace {

// Columns in the order of the fields the checker names (run_regularly[k].<field>).
const QStringList kFields{"name", "code", "dt", "when", "order", "subgroup"};

/// The On column's text for the whole group.
QString wholeGroupText() {
    return RunRegularlySection::tr("whole group");
}

} // namespace

RunRegularlySection::RunRegularlySection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Run regularly"),
                   {tr("Name"), tr("Code"), tr("dt"), tr("When"), tr("Order"), tr("On")}, parent) {
    setObjectName("section:runRegularly");
    table()->setItemDelegateForColumn(
        WhenColumn, new ChoiceDelegate(
                        [] { return QStringList{"default"} + ScheduleFields::slotNames(); }, this));
    table()
        ->horizontalHeaderItem(NameColumn)
        ->setToolTip(tr("Brian2's name; empty: G_run_regularly, G_run_regularly_1, ..."));
    table()->horizontalHeaderItem(DtColumn)->setToolTip(tr("The operation's clock; empty: the "
                                                           "object's dt"));
    table()->horizontalHeaderItem(WhenColumn)->setToolTip(tr("Its slot; default: start"));
    table()->horizontalHeaderItem(OrderColumn)->setToolTip(tr("Its order in the slot; default: 0"));
    table()->setItemDelegateForColumn(
        SubgroupColumn, new ChoiceDelegate([this] { return subgroupChoices(); }, this));
    table()
        ->horizontalHeaderItem(SubgroupColumn)
        ->setToolTip(tr("The neurons it runs for: the whole group or one of its subgroups "
                        "(Brian2's G[:10].run_regularly); i counts from the subgroup's start"));
    connect(addButton(), &QToolButton::clicked, this, &RunRegularlySection::addOperation);
}

bool RunRegularlySection::appliesTo(const ObjectRef& object) const {
    if (object.kind == ObjectRef::Kind::Synapses)
        return ModelLookup::synapses(model(), object.name) != nullptr;
    const GroupSpec* group =
        object.kind == ObjectRef::Kind::Group ? ModelLookup::group(model(), object.name) : nullptr;
    return group && ObjectKinds::of(group->type).hasField("run_regularly");
}

void RunRegularlySection::showObject(const ObjectRef& object) {
    TableSection::showObject(object);
    // Synapses have no subgroups: their code runs for every synapse.
    table()->setColumnHidden(SubgroupColumn, onSynapses());
    addButton()->setToolTip(onSynapses() ? tr("Add code run for every synapse at regular intervals "
                                              "(Brian2's S.run_regularly)")
                                         : tr("Add code run for every neuron at regular intervals "
                                              "(Brian2's G.run_regularly)"));
}

bool RunRegularlySection::onSynapses() const {
    return object().kind == ObjectRef::Kind::Synapses;
}

const std::vector<RunRegularlySpec>* RunRegularlySection::operations() const {
    if (onSynapses()) {
        const SynapsesSpec* synapses = ModelLookup::synapses(model(), object().name);
        return synapses ? &synapses->runRegularly : nullptr;
    }
    const GroupSpec* group = ModelLookup::group(model(), object().name);
    return group ? &group->runRegularly : nullptr;
}

QList<QStringList> RunRegularlySection::rows() const {
    QList<QStringList> rows;
    if (const auto* list = operations())
        for (const RunRegularlySpec& operation : *list)
            rows.append({QString::fromStdString(operation.name),
                         QString::fromStdString(operation.code).replace('\n', "; "),
                         QString::fromStdString(operation.dt),
                         ScheduleFields::whenText(operation.when),
                         ScheduleFields::orderText(operation.order),
                         operation.subgroup.empty() ? wholeGroupText()
                                                    : QString::fromStdString(operation.subgroup)});
    return rows;
}

QStringList RunRegularlySection::subgroupChoices() const {
    QStringList choices{wholeGroupText()};
    if (const GroupSpec* group = ModelLookup::group(model(), object().name))
        for (const SubgroupSpec& subgroup : group->subgroups)
            choices.append(QString::fromStdString(subgroup.name));
    return choices;
}

void RunRegularlySection::editOperations(
    const QString& text, const std::function<void(std::vector<RunRegularlySpec>&)>& edit) {
    const QString name = object().name;
    const bool synapses = onSynapses();
    pushEdit(text, [name, synapses, edit](Model& model) {
        if (synapses) {
            if (SynapsesSpec* spec = ModelLookup::synapses(model, name))
                edit(spec->runRegularly);
        } else if (GroupSpec* group = ModelLookup::group(model, name)) {
            edit(group->runRegularly);
        }
    });
}

/// Sets the object's first state variable to itself, every 10 ms: valid code
/// that changes nothing until the user writes their own.
void RunRegularlySection::addOperation() {
    const GroupSpec* group = onSynapses() ? nullptr : ModelLookup::group(model(), object().name);
    const SynapsesSpec* synapses =
        onSynapses() ? ModelLookup::synapses(model(), object().name) : nullptr;
    if (!group && !synapses)
        return;
    const QStringList variables =
        EquationVariables::stateVariables(group ? group->equations : synapses->model);
    if (variables.isEmpty() && synapses) {
        showLocalProblem(0, CodeColumn,
                         tr("Declare a synaptic variable in the model (such as w : 1) first"));
        return;
    }
    const QString variable = variables.isEmpty() ? QStringLiteral("v") : variables.front();
    RunRegularlySpec operation;
    operation.code = QStringLiteral("%1 = %1").arg(variable).toStdString();
    operation.dt = "10*ms";
    editOperations(tr("Add run_regularly to %1").arg(object().name),
                   [operation](std::vector<RunRegularlySpec>& list) { list.push_back(operation); });
    table()->setCurrentCell(table()->rowCount() - 1, CodeColumn);
}

void RunRegularlySection::commitCell(int row, int column, const QString& text) {
    const auto* list = operations();
    if (!list || row < 0 || row >= int(list->size()))
        return;
    RunRegularlySpec changed = (*list)[size_t(row)];
    const QString trimmed = text.trimmed();
    switch (column) {
    case NameColumn:
        changed.name = trimmed.toStdString();
        break;
    case CodeColumn:
        if (trimmed.isEmpty()) {
            showLocalProblem(row, column, tr("run_regularly needs code, such as v = rand()*mV"));
            return;
        }
        // The cell shows one line; "; " or a newline separate statements.
        changed.code =
            QString(trimmed).replace(QRegularExpression("\\s*;\\s*"), "\n").toStdString();
        break;
    case DtColumn:
        changed.dt = trimmed.toStdString();
        break;
    case WhenColumn:
        changed.when = ScheduleFields::parseWhen(trimmed);
        break;
    case SubgroupColumn:
        changed.subgroup = trimmed == wholeGroupText() ? "" : trimmed.toStdString();
        break;
    default: {
        QString problem;
        if (!ScheduleFields::parseOrder(trimmed, changed.order, &problem)) {
            showLocalProblem(row, column, problem);
            return;
        }
    }
    }
    editOperations(tr("Edit run_regularly of %1").arg(object().name),
                   [row, changed](std::vector<RunRegularlySpec>& operations) {
                       if (row < int(operations.size()))
                           operations[size_t(row)] = changed;
                   });
}

void RunRegularlySection::removeRow(int row) {
    editOperations(tr("Remove run_regularly of %1").arg(object().name),
                   [row](std::vector<RunRegularlySpec>& operations) {
                       if (row < int(operations.size()))
                           operations.erase(operations.begin() + row);
                   });
}

std::optional<TableSection::Cell>
RunRegularlySection::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression field("^run_regularly\\[(\\d+)\\](?:\\.(\\w+))?$");
    const auto match = field.match(problem.field);
    if (problem.object != object().name || !match.hasMatch())
        return std::nullopt;
    const int row = match.captured(1).toInt();
    const auto* list = operations();
    if (!list || row >= int(list->size()))
        return std::nullopt;
    return Cell{row, int(std::max<qsizetype>(kFields.indexOf(match.captured(2)), 0))};
}

} // namespace spikestudio
