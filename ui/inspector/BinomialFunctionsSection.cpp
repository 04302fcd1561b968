#include "inspector/BinomialFunctionsSection.h"

#include "document/ModelDefaults.h"
#include "model/ObjectKinds.h"

#include <QTableWidget>
#include <QToolButton>
#include <limits>

namespace spikestudio {

namespace {

// Columns in the order of the fields the checker names.
const QStringList kFields{"name", "n", "p", "approximate"};

} // namespace

BinomialFunctionsSection::BinomialFunctionsSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Binomial functions"),
                   {tr("Name"), tr("n"), tr("p"), tr("Approximate")}, parent) {
    setObjectName("section:binomial_functions");
    addButton()->setToolTip(tr("Add a BinomialFunction, called in code and equations as name()"));
    connect(addButton(), &QToolButton::clicked, this, &BinomialFunctionsSection::addFunction);
    const BinomialFunctionKind& kind = ObjectKinds::binomialFunction();
    for (int column = 0; column < kFields.size(); ++column)
        if (const FieldDescriptor* field = kind.field(kFields[column].toStdString()))
            table()->horizontalHeaderItem(column)->setToolTip(
                QString::fromStdString(field->description));
}

bool BinomialFunctionsSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Model;
}

QList<QStringList> BinomialFunctionsSection::rows() const {
    QList<QStringList> rows;
    for (const BinomialFunctionSpec& function : model().binomialFunctions)
        rows.append({QString::fromStdString(function.name), QString::number(function.trials),
                     QString::fromStdString(function.probability),
                     function.approximate ? "true" : "false"});
    return rows;
}

void BinomialFunctionsSection::applyProblems(const QList<Diagnostic>& problems) {
    problems_ = problems;
    TableSection::applyProblems(problems);
}

void BinomialFunctionsSection::showStored() {
    refresh();
    TableSection::applyProblems(problems_);
}

bool BinomialFunctionsSection::isCheckColumn(int column) const {
    return column == ApproximateColumn;
}

void BinomialFunctionsSection::addFunction() {
    const BinomialFunctionSpec function = ModelDefaults::binomialFunction(model());
    pushEdit(tr("Add BinomialFunction %1").arg(QString::fromStdString(function.name)),
             [function](Model& model) { model.binomialFunctions.push_back(function); });
}

void BinomialFunctionsSection::editFunction(
    int row, const QString& text, const std::function<void(BinomialFunctionSpec&)>& edit) {
    pushEdit(text, [row, edit](Model& model) {
        if (row < int(model.binomialFunctions.size()))
            edit(model.binomialFunctions[size_t(row)]);
    });
}

void BinomialFunctionsSection::commitCell(int row, int column, const QString& text) {
    const auto& functions = model().binomialFunctions;
    if (row < 0 || row >= int(functions.size()))
        return;
    const BinomialFunctionSpec& current = functions[size_t(row)];
    const QString name = QString::fromStdString(current.name);
    const std::string value = text.trimmed().toStdString();
    switch (column) {
    case NameColumn:
        if (value.empty()) {
            showLocalProblem(row, column, tr("a BinomialFunction needs a name"));
            return;
        }
        if (value == current.name)
            showStored();
        else
            editFunction(row, tr("Rename BinomialFunction %1").arg(name),
                         [value](BinomialFunctionSpec& function) { function.name = value; });
        return;
    case TrialsColumn:
        commitTrials(row, text);
        return;
    case ProbabilityColumn:
        if (value.empty()) {
            showLocalProblem(row, column,
                             tr("a BinomialFunction needs p, a probability from 0 to 1"));
            return;
        }
        if (value == current.probability)
            showStored();
        else
            editFunction(row, tr("p of %1").arg(name),
                         [value](BinomialFunctionSpec& function) { function.probability = value; });
        return;
    case ApproximateColumn: {
        const bool approximate = text == "true";
        if (approximate != current.approximate)
            editFunction(
                row, approximate ? tr("Approximate %1").arg(name) : tr("Draw %1 exactly").arg(name),
                [approximate](BinomialFunctionSpec& function) {
                    function.approximate = approximate;
                });
        return;
    }
    default:
        return;
    }
}

void BinomialFunctionsSection::commitTrials(int row, const QString& text) {
    const FieldDescriptor* field = ObjectKinds::binomialFunction().field("n");
    const long long maximum =
        field && field->maximum > 0 ? field->maximum : std::numeric_limits<int>::max();
    bool ok = false;
    const long long trials = text.trimmed().toLongLong(&ok);
    if (!ok || trials < 0) {
        const QString typed = text.trimmed();
        showLocalProblem(row, TrialsColumn,
                         typed.isEmpty()
                             ? tr("n must be a whole number from 0 on")
                             : tr("n must be a whole number from 0 on, not '%1'").arg(typed));
        return;
    }
    if (trials > maximum) {
        showLocalProblem(row, TrialsColumn, tr("n must be at most %1").arg(maximum));
        return;
    }
    const BinomialFunctionSpec& current = model().binomialFunctions[size_t(row)];
    if (trials == current.trials)
        showStored();
    else
        editFunction(row, tr("n of %1").arg(QString::fromStdString(current.name)),
                     [trials](BinomialFunctionSpec& function) { function.trials = trials; });
}

void BinomialFunctionsSection::removeRow(int row) {
    pushEdit(tr("Remove BinomialFunction"), [row](Model& model) {
        if (row < int(model.binomialFunctions.size()))
            model.binomialFunctions.erase(model.binomialFunctions.begin() + row);
    });
}

std::optional<TableSection::Cell>
BinomialFunctionsSection::problemCell(const Diagnostic& problem) const {
    const auto& functions = model().binomialFunctions;
    for (size_t row = 0; row < functions.size(); ++row)
        if (QString::fromStdString(functions[row].name) == problem.object)
            return Cell{int(row), int(std::max<qsizetype>(kFields.indexOf(problem.field), 0))};
    return std::nullopt;
}

} // namespace spikestudio
