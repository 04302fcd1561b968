#include "inspector/TimedArraysSection.h"

#include "document/ModelDefaults.h"
#include "document/NumberLists.h"

#include <QToolButton>

namespace spikestudio {

namespace {

// Columns in the order of the fields the checker names.
const QStringList kFields{"name", "dt", "unit", "values"};
enum Column { NameColumn, DtColumn, UnitColumn, ValuesColumn };

} // namespace

TimedArraysSection::TimedArraysSection(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("TimedArrays"), {tr("Name"), tr("dt"), tr("Unit"), tr("Values")},
                   parent) {
    setObjectName("section:timed_arrays");
    addButton()->setToolTip(tr("Add a TimedArray, called in equations as name(t)"));
    connect(addButton(), &QToolButton::clicked, this, &TimedArraysSection::addArray);
}

bool TimedArraysSection::appliesTo(const ObjectRef& object) const {
    return object.kind == ObjectRef::Kind::Model;
}

QList<QStringList> TimedArraysSection::rows() const {
    QList<QStringList> rows;
    for (const TimedArraySpec& array : model().timedArrays)
        rows.append({QString::fromStdString(array.name), QString::fromStdString(array.dt),
                     QString::fromStdString(array.unit),
                     NumberLists::formatTable({array.values, array.rows, array.columns})});
    return rows;
}

void TimedArraysSection::addArray() {
    const TimedArraySpec array = ModelDefaults::timedArray(model());
    pushEdit(tr("Add TimedArray %1").arg(QString::fromStdString(array.name)),
             [array](Model& model) { model.timedArrays.push_back(array); });
}

void TimedArraysSection::editArray(int row, const std::function<void(TimedArraySpec&)>& edit) {
    pushEdit(tr("Edit TimedArray"), [row, edit](Model& model) {
        if (row < int(model.timedArrays.size()))
            edit(model.timedArrays[size_t(row)]);
    });
}

void TimedArraysSection::commitCell(int row, int column, const QString& text) {
    const std::string value = text.trimmed().toStdString();
    if (column == ValuesColumn) {
        QString problem;
        const auto table = NumberLists::parseTable(text, &problem);
        if (!table) {
            showLocalProblem(row, column, problem);
            return;
        }
        editArray(row, [table](TimedArraySpec& array) {
            array.values = table->values;
            array.rows = table->rows;
            array.columns = table->columns;
        });
        return;
    }
    if (column == NameColumn && value.empty()) {
        showLocalProblem(row, column, tr("a TimedArray needs a name"));
        return;
    }
    editArray(row, [column, value](TimedArraySpec& array) {
        (column == NameColumn ? array.name : column == DtColumn ? array.dt : array.unit) = value;
    });
}

void TimedArraysSection::removeRow(int row) {
    pushEdit(tr("Remove TimedArray"), [row](Model& model) {
        if (row < int(model.timedArrays.size()))
            model.timedArrays.erase(model.timedArrays.begin() + row);
    });
}

std::optional<TableSection::Cell> TimedArraysSection::problemCell(const Diagnostic& problem) const {
    const auto& arrays = model().timedArrays;
    for (size_t row = 0; row < arrays.size(); ++row)
        if (QString::fromStdString(arrays[row].name) == problem.object)
            return Cell{int(row), int(std::max<qsizetype>(kFields.indexOf(problem.field), 0))};
    return std::nullopt;
}

} // namespace spikestudio
