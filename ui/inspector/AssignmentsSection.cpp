#include "inspector/AssignmentsSection.h"

#include "document/AssignmentElements.h"
#include "document/EquationVariables.h"
#include "document/InitialValues.h"
#include "document/ModelLookup.h"
#include "document/NumberColumn.h"
#include "document/SeedText.h"
#include "expr/PathwayDelayName.h"
#include "inspector/ArrayValuesEditor.h"
#include "model/ObjectKinds.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace spikestudio {

namespace {

enum Column { VariableColumn, ElementsColumn, ValueColumn };

/// The two forms of `initial` of the inspected object in `model`, or nulls.
template <typename ModelType> auto initialOf(ModelType& model, const ObjectRef& object) {
    using Plain = decltype(&model.groups.front().initial);
    using List = decltype(&model.groups.front().assignments);
    if (object.kind == ObjectRef::Kind::Group)
        if (auto* group = ModelLookup::group(model, object.name))
            return std::pair<Plain, List>{&group->initial, &group->assignments};
    if (object.kind == ObjectRef::Kind::Synapses)
        if (auto* synapses = ModelLookup::synapses(model, object.name))
            return std::pair<Plain, List>{&synapses->initial, &synapses->assignments};
    return std::pair<Plain, List>{nullptr, nullptr};
}

QString valueText(const AssignmentSpec& entry) {
    if (!entry.hasValues)
        return QString::fromStdString(entry.value);
    const QString count = entry.values.size() == 1
                              ? QObject::tr("1 number")
                              : QObject::tr("%1 numbers").arg(entry.values.size());
    return entry.unit.empty()
               ? "[" + count + "]"
               : QStringLiteral("[%1] %2").arg(count, QString::fromStdString(entry.unit));
}

/// The unit of a zero such as "0*mV" ("" for a dimensionless "0").
std::string unitOfZero(const QString& zero) {
    const qsizetype star = zero.indexOf('*');
    return star < 0 ? std::string() : zero.mid(star + 1).toStdString();
}

} // namespace

AssignmentsSection::AssignmentsSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Initial values"), {tr("Variable"), tr("Elements"), tr("Value")},
                   parent),
      moveUp_(addToolButton("↑", tr("Move the selected entry up (entries apply in order)"))),
      moveDown_(addToolButton("↓", tr("Move the selected entry down"))),
      numbers_(addToolButton("[…]", tr("Set the selected entry from a list of numbers, one per "
                                       "element (or back to an expression)"))),
      addSeed_(addToolButton(tr("seed"), tr("Seed the random stream again here: the values "
                                            "after it start from this seed (Brian2: seed(13579) "
                                            "between two assignments)"))),
      arrayEditor_(new ArrayValuesEditor(this)) {
    setObjectName("section:initial");
    addButton()->setToolTip(tr("Set the initial value of a variable"));
    moveUp_->setObjectName("moveUp");
    moveDown_->setObjectName("moveDown");
    numbers_->setObjectName("valueAsNumbers");
    addSeed_->setObjectName("addSeedEntry");
    table()
        ->horizontalHeaderItem(VariableColumn)
        ->setToolTip(tr("A variable; on Synapses also delay (the pathway 'pre''s, Brian2's "
                        "S.delay) or a pathway's delay such as post.delay (S.post.delay)"));
    table()
        ->horizontalHeaderItem(ElementsColumn)
        ->setToolTip(tr("Which elements, as in Brian2's G.v[...]: all, 3, [1, 5, 5], 10:20, "
                        "'i > 5'; on Synapses also pre, post such as 0, :"));
    contentLayout()->addWidget(arrayEditor_);
    arrayEditor_->hide();
    connect(addButton(), &QToolButton::clicked, this, &AssignmentsSection::addEntry);
    connect(moveUp_, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(moveDown_, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(numbers_, &QToolButton::clicked, this, &AssignmentsSection::toggleNumbers);
    connect(addSeed_, &QToolButton::clicked, this, &AssignmentsSection::addSeedEntry);
    connect(table(), &QTableWidget::currentCellChanged, this,
            &AssignmentsSection::showArrayOfCurrentRow);
    connect(arrayEditor_, &ArrayValuesEditor::valuesEdited, this, &AssignmentsSection::storeValues);
    connect(arrayEditor_, &ArrayValuesEditor::unitEdited, this, &AssignmentsSection::storeUnit);
}

bool AssignmentsSection::appliesTo(const ObjectRef& object) const {
    if (object.kind == ObjectRef::Kind::Synapses)
        return ModelLookup::synapses(model(), object.name) != nullptr;
    const GroupSpec* group =
        object.kind == ObjectRef::Kind::Group ? ModelLookup::group(model(), object.name) : nullptr;
    return group && ObjectKinds::of(group->type).hasField("initial");
}

bool AssignmentsSection::onSynapses() const {
    return object().kind == ObjectRef::Kind::Synapses;
}

std::vector<AssignmentSpec> AssignmentsSection::entries() const {
    const auto [plain, list] = initialOf(model(), object());
    return plain ? InitialValues::list(*plain, *list) : std::vector<AssignmentSpec>();
}

void AssignmentsSection::refresh() {
    TableSection::refresh();
    showArrayOfCurrentRow();
}

QList<QStringList> AssignmentsSection::rows() const {
    QList<QStringList> rows;
    for (const AssignmentSpec& entry : entries())
        if (entry.isSeedEntry())
            rows.append({SeedText::rowLabel(), QString(), SeedText::format(*entry.reseed)});
        else
            rows.append({QString::fromStdString(entry.variable), AssignmentElements::format(entry),
                         valueText(entry)});
    return rows;
}

// Numbers are edited in the array editor below the table, not in the cell; a
// seed entry has its seed only.
bool AssignmentsSection::isEditable(int row, int column) const {
    const auto list = entries();
    if (row >= int(list.size()))
        return false;
    if (list[size_t(row)].isSeedEntry())
        return column == ValueColumn;
    return column != ValueColumn || !list[size_t(row)].hasValues;
}

void AssignmentsSection::editEntries(const QString& text,
                                     const std::function<void(std::vector<AssignmentSpec>&)>& edit,
                                     int selectRow) {
    const ObjectRef target = object();
    pushEdit(text, [target, edit](Model& model) {
        const auto [plain, list] = initialOf(model, target);
        if (!plain)
            return;
        std::vector<AssignmentSpec> all = InitialValues::list(*plain, *list);
        edit(all);
        InitialValues::store(all, *plain, *list);
    });
    if (selectRow >= 0 && selectRow < table()->rowCount())
        table()->setCurrentCell(selectRow,
                                table()->currentColumn() < 0 ? 0 : table()->currentColumn());
}

void AssignmentsSection::commitCell(int row, int column, const QString& text) {
    const QString trimmed = text.trimmed();
    const auto list = entries();
    if (row < 0 || row >= int(list.size()))
        return;
    AssignmentSpec changed = list[size_t(row)];
    if (changed.isSeedEntry()) {
        commitSeed(row, trimmed);
        return;
    }
    if (column == VariableColumn) {
        if (trimmed.isEmpty()) {
            showLocalProblem(row, column, tr("an initial value needs a variable"));
            return;
        }
        changed.variable = trimmed.toStdString();
    } else if (column == ElementsColumn) {
        QString problem;
        if (!AssignmentElements::parse(trimmed, onSynapses(), changed, &problem)) {
            showLocalProblem(row, column, problem);
            return;
        }
    } else {
        if (trimmed.isEmpty()) {
            showLocalProblem(row, column, tr("an initial value needs a value"));
            return;
        }
        changed.value = trimmed.toStdString();
    }
    editEntries(
        tr("Edit initial value of %1").arg(QString::fromStdString(changed.variable)),
        [row, changed](std::vector<AssignmentSpec>& list) {
            if (row < int(list.size()))
                list[size_t(row)] = changed;
        },
        row);
}

void AssignmentsSection::commitSeed(int row, const QString& text) {
    const std::optional<Reseed> reseed = SeedText::parse(text);
    if (!reseed) {
        showLocalProblem(row, ValueColumn, SeedText::problem());
        return;
    }
    editEntries(
        tr("Seed %1").arg(SeedText::format(*reseed)),
        [row, reseed](std::vector<AssignmentSpec>& list) {
            if (row < int(list.size()))
                list[size_t(row)] = AssignmentSpec::seedEntry(*reseed);
        },
        row);
}

/// A fixed seed (the model's, else 1) after the selected entry, or last.
void AssignmentsSection::addSeedEntry() {
    const AssignmentSpec entry = AssignmentSpec::seedEntry(Reseed{model().seed.value_or(1)});
    const int current = table()->currentRow();
    const int row = current < 0 ? int(entries().size()) : current + 1;
    editEntries(
        tr("Add a seed to the initial values"),
        [entry, row](std::vector<AssignmentSpec>& list) {
            list.insert(list.begin() + std::min<std::ptrdiff_t>(row, std::ptrdiff_t(list.size())),
                        entry);
        },
        row);
}

void AssignmentsSection::addEntry() {
    const AssignmentSpec entry = newEntry();
    const int row = int(entries().size());
    editEntries(
        tr("Add initial value %1").arg(QString::fromStdString(entry.variable)),
        [entry](std::vector<AssignmentSpec>& list) { list.push_back(entry); }, row);
}

/// The first variable not yet set, at its zero, so that the new entry is
/// valid until the user changes it; with every variable set, the first again
/// (setting some of its elements is what a second entry is for).
AssignmentSpec AssignmentsSection::newEntry() const {
    const GroupSpec* group = ModelLookup::group(model(), object().name);
    const SynapsesSpec* synapses = ModelLookup::synapses(model(), object().name);
    const std::string& equations = onSynapses() ? synapses->model : group->equations;
    const auto list = entries();
    std::optional<AssignmentSpec> first;
    for (const EquationVariables::Variable& variable : EquationVariables::all(equations)) {
        if (variable.subexpression)
            continue;
        AssignmentSpec entry{.variable = variable.name.toStdString(),
                             .value = variable.zero.toStdString()};
        const bool set = std::any_of(list.begin(), list.end(), [&](const AssignmentSpec& e) {
            return e.variable == entry.variable;
        });
        if (!set)
            return entry;
        if (!first)
            first = entry;
    }
    return first.value_or(AssignmentSpec{.variable = "v", .value = "0"});
}

void AssignmentsSection::removeRow(int row) {
    editEntries(
        tr("Remove initial value"),
        [row](std::vector<AssignmentSpec>& list) {
            if (row < int(list.size()))
                list.erase(list.begin() + row);
        },
        std::min(row, int(entries().size()) - 2));
}

void AssignmentsSection::moveSelected(int by) {
    const int row = table()->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= table()->rowCount())
        return;
    editEntries(
        by < 0 ? tr("Move initial value up") : tr("Move initial value down"),
        [row, to](std::vector<AssignmentSpec>& list) {
            if (std::max(row, to) < int(list.size()))
                std::swap(list[size_t(row)], list[size_t(to)]);
        },
        to);
}

// An expression that is a plain number becomes that one number; numbers go
// back to an expression as their first number in their unit.
void AssignmentsSection::toggleNumbers() {
    const int row = table()->currentRow();
    const auto list = entries();
    if (row < 0 || row >= int(list.size()))
        return;
    AssignmentSpec changed = list[size_t(row)];
    if (changed.isSeedEntry())
        return;
    if (changed.hasValues) {
        const QString first =
            NumberColumn::number(changed.values.empty() ? 0.0 : changed.values[0]);
        changed.value =
            (changed.unit.empty() ? first : first + "*" + QString::fromStdString(changed.unit))
                .toStdString();
        changed.hasValues = false;
        changed.values.clear();
        changed.unit.clear();
    } else {
        bool isNumber = false;
        const double number =
            QLocale::c().toDouble(QString::fromStdString(changed.value).trimmed(), &isNumber);
        changed.hasValues = true;
        changed.values = {isNumber ? number : 0.0};
        const GroupSpec* group = ModelLookup::group(model(), object().name);
        const SynapsesSpec* synapses = ModelLookup::synapses(model(), object().name);
        for (const EquationVariables::Variable& variable :
             EquationVariables::all(onSynapses() ? synapses->model : group->equations))
            if (variable.name.toStdString() == changed.variable)
                changed.unit = unitOfZero(variable.zero);
        if (onSynapses() && (changed.variable == "delay" || pathwayOfDelay(changed.variable)))
            changed.unit = "ms";
    }
    editEntries(
        tr("Initial value of %1 as %2")
            .arg(QString::fromStdString(changed.variable),
                 changed.hasValues ? tr("numbers") : tr("an expression")),
        [row, changed](std::vector<AssignmentSpec>& list) {
            if (row < int(list.size()))
                list[size_t(row)] = changed;
        },
        row);
}

void AssignmentsSection::showArrayOfCurrentRow() {
    const int row = table()->currentRow();
    const auto list = entries();
    if (!appliesTo(object()) || row < 0 || row >= int(list.size()) ||
        !list[size_t(row)].hasValues) {
        arrayEditor_->hide();
        return;
    }
    const AssignmentSpec& entry = list[size_t(row)];
    arrayEditor_->showValues(
        tr("Numbers of %1[%2], one per element in order")
            .arg(QString::fromStdString(entry.variable), AssignmentElements::format(entry)),
        entry.values, QString::fromStdString(entry.unit));
}

void AssignmentsSection::storeValues(const std::vector<double>& values) {
    const int row = table()->currentRow();
    editEntries(
        tr("Edit numbers of %1").arg(rows().value(row).value(VariableColumn)),
        [row, values](std::vector<AssignmentSpec>& list) {
            if (row >= 0 && row < int(list.size()))
                list[size_t(row)].values = values;
        },
        row);
}

void AssignmentsSection::storeUnit(const QString& unit) {
    const int row = table()->currentRow();
    const auto list = entries();
    if (row < 0 || row >= int(list.size()) || list[size_t(row)].unit == unit.toStdString())
        return;
    editEntries(
        tr("Unit of %1").arg(rows().value(row).value(VariableColumn)),
        [row, unit = unit.toStdString()](std::vector<AssignmentSpec>& list) {
            if (row < int(list.size()))
                list[size_t(row)].unit = unit;
        },
        row);
}

// The checker names an entry of the map form "initial.v", of the list form
// "initial[2]" or a part of it, "initial[2].value".
std::optional<TableSection::Cell> AssignmentsSection::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression listField(
        QStringLiteral("^initial\\[(\\d+)\\](?:\\.(\\w+))?$"));
    if (problem.object != object().name)
        return std::nullopt;
    const QRegularExpressionMatch match = listField.match(problem.field);
    if (match.hasMatch()) {
        const QString part = match.captured(2);
        const int column = part == "variable" ? VariableColumn
                           : part == "value" || part == "unit" || part == "seed" || part.isEmpty()
                               ? ValueColumn
                               : ElementsColumn;
        return Cell{match.captured(1).toInt(), column};
    }
    if (problem.field.startsWith("initial.")) {
        const std::string variable = problem.field.mid(8).toStdString();
        const auto list = entries();
        for (size_t row = 0; row < list.size(); ++row)
            if (list[row].variable == variable)
                return Cell{int(row), ValueColumn};
    }
    return std::nullopt;
}

} // namespace spikestudio
