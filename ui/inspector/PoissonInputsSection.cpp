#include "inspector/PoissonInputsSection.h"

#include "document/ModelDefaults.h"
#include "document/ModelLookup.h"
#include "inspector/ChoiceDelegate.h"

#include <QTableWidget>
#include <QToolButton>

namespace spikestudio {

namespace {

// Columns in the order of the fields the checker names.
const QStringList kFields{"name", "target", "variable", "N", "rate", "weight"};
enum Column { NameColumn, TargetColumn, VariableColumn, CountColumn, RateColumn, WeightColumn };

std::string* textField(PoissonInputSpec& input, int column) {
    switch (column) {
    case NameColumn:
        return &input.name;
    case TargetColumn:
        return &input.target;
    case VariableColumn:
        return &input.variable;
    case RateColumn:
        return &input.rate;
    case WeightColumn:
        return &input.weight;
    }
    return nullptr;
}

} // namespace

PoissonInputsSection::PoissonInputsSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("PoissonInputs"),
                   {tr("Name"), tr("Target"), tr("Variable"), tr("N"), tr("Rate"), tr("Weight")},
                   parent) {
    setObjectName("section:poisson_inputs");
    addButton()->setToolTip(tr("Add N Poisson inputs onto a variable of a group"));
    connect(addButton(), &QToolButton::clicked, this, &PoissonInputsSection::addInput);
    table()->setItemDelegateForColumn(
        TargetColumn,
        new ChoiceDelegate([this] { return ModelLookup::groupChoices(model()); }, this));
}

bool PoissonInputsSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Model;
}

QList<QStringList> PoissonInputsSection::rows() const {
    QList<QStringList> rows;
    for (const PoissonInputSpec& input : model().poissonInputs)
        rows.append({QString::fromStdString(input.name), QString::fromStdString(input.target),
                     QString::fromStdString(input.variable), QString::number(input.count),
                     QString::fromStdString(input.rate), QString::fromStdString(input.weight)});
    return rows;
}

void PoissonInputsSection::addInput() {
    const PoissonInputSpec input = ModelDefaults::poissonInput(model());
    pushEdit(tr("Add PoissonInput %1").arg(QString::fromStdString(input.name)),
             [input](Model& model) { model.poissonInputs.push_back(input); });
}

void PoissonInputsSection::editInput(int row, const std::function<void(PoissonInputSpec&)>& edit) {
    pushEdit(tr("Edit PoissonInput"), [row, edit](Model& model) {
        if (row < int(model.poissonInputs.size()))
            edit(model.poissonInputs[size_t(row)]);
    });
}

void PoissonInputsSection::commitCell(int row, int column, const QString& text) {
    if (column == CountColumn) {
        commitCount(row, text);
        return;
    }
    const std::string value = text.trimmed().toStdString();
    if (column == NameColumn && value.empty()) {
        showLocalProblem(row, column, tr("a PoissonInput needs a name"));
        return;
    }
    editInput(row, [column, value](PoissonInputSpec& input) { *textField(input, column) = value; });
}

void PoissonInputsSection::commitCount(int row, const QString& text) {
    bool ok = false;
    const long long count = text.trimmed().toLongLong(&ok);
    if (!ok || count < 1) {
        showLocalProblem(row, CountColumn,
                         tr("'%1' is not a number of inputs (a whole number from 1 on)").arg(text));
        return;
    }
    editInput(row, [count](PoissonInputSpec& input) { input.count = count; });
}

void PoissonInputsSection::removeRow(int row) {
    pushEdit(tr("Remove PoissonInput"), [row](Model& model) {
        if (row < int(model.poissonInputs.size()))
            model.poissonInputs.erase(model.poissonInputs.begin() + row);
    });
}

std::optional<TableSection::Cell>
PoissonInputsSection::problemCell(const Diagnostic& problem) const {
    const auto& inputs = model().poissonInputs;
    for (size_t row = 0; row < inputs.size(); ++row)
        if (QString::fromStdString(inputs[row].name) == problem.object)
            return Cell{int(row), int(std::max<qsizetype>(kFields.indexOf(problem.field), 0))};
    return std::nullopt;
}

} // namespace spikestudio
