#include "protocol/ProtocolChangesTable.h"

#include "document/AssignmentElements.h"
#include "document/EquationVariables.h"
#include "document/ModelLookup.h"
#include "document/NumberColumn.h"
#include "inspector/ArrayValuesEditor.h"
#include "inspector/ChoiceDelegate.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace spikestudio {

namespace {

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

} // namespace

ProtocolChangesTable::ProtocolChangesTable(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Values set before the segment"),
                   {tr("Group"), tr("Variable"), tr("Elements"), tr("Value")}, parent),
      moveUp_(addToolButton("↑", tr("Move the selected value up (values are set in order)"))),
      moveDown_(addToolButton("↓", tr("Move the selected value down"))),
      numbers_(addToolButton("[…]", tr("Set the selected value from a list of numbers, one per "
                                       "element (or back to an expression)"))),
      arrayEditor_(new ArrayValuesEditor(this)) {
    setObjectName("section:segmentValues");
    addButton()->setToolTip(tr("Set a value before this segment (Brian2: G.I = ... between two "
                               "run() calls)"));
    moveUp_->setObjectName("valueUp");
    moveDown_->setObjectName("valueDown");
    numbers_->setObjectName("valueAsNumbers");
    table()
        ->horizontalHeaderItem(ElementsColumn)
        ->setToolTip(tr("Which neurons, as in Brian2's G.v[...]: all, 3, [1, 5], 10:20, 'i > 5'"));
    table()->setItemDelegateForColumn(ObjectColumn,
                                      new ChoiceDelegate([this] { return groupNames(); }, this));
    contentLayout()->addWidget(arrayEditor_);
    arrayEditor_->hide();
    connect(addButton(), &QToolButton::clicked, this, &ProtocolChangesTable::addChange);
    connect(moveUp_, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(moveDown_, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(numbers_, &QToolButton::clicked, this, &ProtocolChangesTable::toggleNumbers);
    connect(table(), &QTableWidget::currentCellChanged, this,
            &ProtocolChangesTable::showArrayOfCurrentRow);
    connect(arrayEditor_, &ArrayValuesEditor::valuesEdited, this,
            &ProtocolChangesTable::storeValues);
    connect(arrayEditor_, &ArrayValuesEditor::unitEdited, this, &ProtocolChangesTable::storeUnit);
}

void ProtocolChangesTable::setSegment(int index) {
    if (index == segment_)
        return;
    segment_ = index;
    table()->setCurrentCell(-1, -1);
    refresh();
}

bool ProtocolChangesTable::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Model;
}

std::vector<ProtocolChange> ProtocolChangesTable::changes() const {
    if (segment_ < 0 || segment_ >= int(model().protocol.size()))
        return {};
    return model().protocol[size_t(segment_)].set;
}

QStringList ProtocolChangesTable::groupNames() const {
    QStringList names;
    for (const GroupSpec& group : model().groups)
        names << QString::fromStdString(group.name);
    return names;
}

void ProtocolChangesTable::refresh() {
    TableSection::refresh();
    addButton()->setEnabled(segment_ > 0); // the first segment starts from `initial`
    showArrayOfCurrentRow();
}

QList<QStringList> ProtocolChangesTable::rows() const {
    QList<QStringList> rows;
    for (const ProtocolChange& change : changes())
        rows.append({QString::fromStdString(change.object),
                     QString::fromStdString(change.assignment.variable),
                     AssignmentElements::format(change.assignment), valueText(change.assignment)});
    return rows;
}

// Numbers are edited in the array editor below the table, not in the cell.
bool ProtocolChangesTable::isEditable(int row, int column) const {
    const auto list = changes();
    return column != ValueColumn ||
           (row < int(list.size()) && !list[size_t(row)].assignment.hasValues);
}

void ProtocolChangesTable::editChanges(
    const QString& text, const std::function<void(std::vector<ProtocolChange>&)>& edit,
    int selectRow) {
    const int segment = segment_;
    pushEdit(text, [segment, edit](Model& model) {
        if (segment >= 0 && segment < int(model.protocol.size()))
            edit(model.protocol[size_t(segment)].set);
    });
    if (selectRow >= 0 && selectRow < table()->rowCount())
        table()->setCurrentCell(selectRow, std::max(table()->currentColumn(), 0));
}

void ProtocolChangesTable::commitCell(int row, int column, const QString& text) {
    const QString trimmed = text.trimmed();
    const auto list = changes();
    if (row < 0 || row >= int(list.size()))
        return;
    ProtocolChange changed = list[size_t(row)];
    if (column == ElementsColumn) {
        QString problem;
        if (!AssignmentElements::parse(trimmed, false, changed.assignment, &problem)) {
            showLocalProblem(row, column, problem);
            return;
        }
    } else if (trimmed.isEmpty()) {
        showLocalProblem(row, column,
                         column == ObjectColumn     ? tr("a value needs the group it sets")
                         : column == VariableColumn ? tr("a value needs a variable")
                                                    : tr("a value needs a value"));
        return;
    } else if (column == ObjectColumn) {
        changed.object = trimmed.toStdString();
    } else if (column == VariableColumn) {
        changed.assignment.variable = trimmed.toStdString();
    } else {
        changed.assignment.value = trimmed.toStdString();
    }
    editChanges(
        tr("Edit value of %1 set before segment %2")
            .arg(QString::fromStdString(changed.assignment.variable))
            .arg(segment_ + 1),
        [row, changed](std::vector<ProtocolChange>& list) {
            if (row < int(list.size()))
                list[size_t(row)] = changed;
        },
        row);
}

void ProtocolChangesTable::addChange() {
    if (segment_ <= 0) {
        showLocalProblem(0, 0,
                         tr("the first segment sets no values: what holds before the run is the "
                            "groups' initial values"));
        return;
    }
    const ProtocolChange change = newChange();
    const int row = int(changes().size());
    editChanges(
        tr("Set %1 of %2 before segment %3")
            .arg(QString::fromStdString(change.assignment.variable),
                 QString::fromStdString(change.object))
            .arg(segment_ + 1),
        [change](std::vector<ProtocolChange>& list) { list.push_back(change); }, row);
}

/// The first state variable of the first group that has one, at its zero,
/// so that the new entry checks until the user changes it.
ProtocolChange ProtocolChangesTable::newChange() const {
    for (const GroupSpec& group : model().groups)
        for (const EquationVariables::Variable& variable : EquationVariables::all(group.equations))
            if (!variable.subexpression)
                return {group.name, AssignmentSpec{.variable = variable.name.toStdString(),
                                                   .value = variable.zero.toStdString()}};
    return {model().groups.empty() ? std::string() : model().groups.front().name,
            AssignmentSpec{.variable = "v", .value = "0"}};
}

void ProtocolChangesTable::removeRow(int row) {
    editChanges(
        tr("Remove value set before segment %1").arg(segment_ + 1),
        [row](std::vector<ProtocolChange>& list) {
            if (row < int(list.size()))
                list.erase(list.begin() + row);
        },
        std::min(row, int(changes().size()) - 2));
}

void ProtocolChangesTable::moveSelected(int by) {
    const int row = table()->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= table()->rowCount())
        return;
    editChanges(
        by < 0 ? tr("Move value up") : tr("Move value down"),
        [row, to](std::vector<ProtocolChange>& list) {
            if (std::max(row, to) < int(list.size()))
                std::swap(list[size_t(row)], list[size_t(to)]);
        },
        to);
}

/// The unit of the variable a change sets, as its zero is written ("mV"; ""
/// for a dimensionless one or one not found).
std::string ProtocolChangesTable::unitOf(const ProtocolChange& change) const {
    const GroupSpec* group = ModelLookup::group(model(), QString::fromStdString(change.object));
    if (!group)
        return {};
    for (const EquationVariables::Variable& variable : EquationVariables::all(group->equations))
        if (variable.name.toStdString() == change.assignment.variable) {
            const qsizetype star = variable.zero.indexOf('*');
            return star < 0 ? std::string() : variable.zero.mid(star + 1).toStdString();
        }
    return {};
}

// An expression that is a plain number becomes that one number; numbers go
// back to an expression as their first number in their unit.
void ProtocolChangesTable::toggleNumbers() {
    const int row = table()->currentRow();
    const auto list = changes();
    if (row < 0 || row >= int(list.size()))
        return;
    ProtocolChange changed = list[size_t(row)];
    AssignmentSpec& entry = changed.assignment;
    if (entry.hasValues) {
        const QString first = NumberColumn::number(entry.values.empty() ? 0.0 : entry.values[0]);
        entry.value =
            (entry.unit.empty() ? first : first + "*" + QString::fromStdString(entry.unit))
                .toStdString();
        entry.hasValues = false;
        entry.values.clear();
        entry.unit.clear();
    } else {
        bool isNumber = false;
        const double number =
            QLocale::c().toDouble(QString::fromStdString(entry.value).trimmed(), &isNumber);
        entry.hasValues = true;
        entry.values = {isNumber ? number : 0.0};
        entry.unit = unitOf(changed);
    }
    editChanges(
        tr("Value of %1 as %2")
            .arg(QString::fromStdString(entry.variable),
                 entry.hasValues ? tr("numbers") : tr("an expression")),
        [row, changed](std::vector<ProtocolChange>& list) {
            if (row < int(list.size()))
                list[size_t(row)] = changed;
        },
        row);
}

void ProtocolChangesTable::showArrayOfCurrentRow() {
    const int row = table()->currentRow();
    const auto list = changes();
    if (row < 0 || row >= int(list.size()) || !list[size_t(row)].assignment.hasValues) {
        arrayEditor_->hide();
        return;
    }
    const AssignmentSpec& entry = list[size_t(row)].assignment;
    arrayEditor_->showValues(tr("Numbers of %1.%2[%3], one per element in order")
                                 .arg(QString::fromStdString(list[size_t(row)].object),
                                      QString::fromStdString(entry.variable),
                                      AssignmentElements::format(entry)),
                             entry.values, QString::fromStdString(entry.unit));
}

void ProtocolChangesTable::storeValues(const std::vector<double>& values) {
    const int row = table()->currentRow();
    editChanges(
        tr("Edit numbers of %1").arg(rows().value(row).value(VariableColumn)),
        [row, values](std::vector<ProtocolChange>& list) {
            if (row >= 0 && row < int(list.size()))
                list[size_t(row)].assignment.values = values;
        },
        row);
}

void ProtocolChangesTable::storeUnit(const QString& unit) {
    const int row = table()->currentRow();
    const auto list = changes();
    if (row < 0 || row >= int(list.size()) ||
        list[size_t(row)].assignment.unit == unit.toStdString())
        return;
    editChanges(
        tr("Unit of %1").arg(rows().value(row).value(VariableColumn)),
        [row, unit = unit.toStdString()](std::vector<ProtocolChange>& list) {
            if (row < int(list.size()))
                list[size_t(row)].assignment.unit = unit;
        },
        row);
}

// The checker names an entry "protocol[k].set[j]" or a part of it, on the
// model (its object) or on the group it sets (its variable, elements, value).
std::optional<TableSection::Cell>
ProtocolChangesTable::problemCell(const Diagnostic& problem) const {
    static const QRegularExpression field("^protocol\\[(\\d+)\\]\\.set\\[(\\d+)\\](?:\\.(\\w+))?");
    const QRegularExpressionMatch match = field.match(problem.field);
    if (!match.hasMatch() || match.captured(1).toInt() != segment_)
        return std::nullopt;
    const int row = match.captured(2).toInt();
    if (row >= int(changes().size()))
        return std::nullopt;
    const QString part = match.captured(3);
    const int column = part == "object"                                      ? ObjectColumn
                       : part == "variable"                                  ? VariableColumn
                       : part == "value" || part == "unit" || part.isEmpty() ? ValueColumn
                                                                             : ElementsColumn;
    return Cell{row, column};
}

} // namespace spikestudio
