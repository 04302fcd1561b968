#include "protocol/ProtocolChangesTable.h"

#include "document/AssignmentElements.h"
#include "document/EquationVariables.h"
#include "document/ModelLookup.h"
#include "document/NumberColumn.h"
#include "document/SeedText.h"
#include "document/SpikeListText.h"
#include "inspector/ArrayValuesEditor.h"
#include "inspector/ChoiceDelegate.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace spikestudio {

namespace {

const char* const kActiveVariable = "active";
const char* const kSpikesVariable = "spikes";
const char* const kValuesVariable = "values";
const char* const kDtVariable = "dt";

/// "[4 numbers] mV", or "[3 × 2 table]" for a TimedArray's values.
QString timedArrayText(const TimedArraySpec& array) {
    const QString unit = array.unit.empty() ? QString() : " " + QString::fromStdString(array.unit);
    if (array.columns > 0)
        return QObject::tr("[%1 × %2 table]").arg(array.rows).arg(array.columns) + unit;
    return (array.rows == 1 ? QObject::tr("[1 number]")
                            : QObject::tr("[%1 numbers]").arg(array.rows)) +
           unit;
}

/// "on"/"off" (also "true"/"false") as a switch; nullopt for anything else.
std::optional<bool> switchValue(const QString& text) {
    const QString word = text.trimmed().toLower();
    if (word == "on" || word == "true")
        return true;
    if (word == "off" || word == "false")
        return false;
    return std::nullopt;
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

} // namespace

ProtocolChangesTable::ProtocolChangesTable(ModelDocument* document, QWidget* parent)
    : TableSection(document, tr("Changes before the segment"),
                   {tr("Object"), tr("Variable"), tr("Elements"), tr("Value")}, parent),
      moveUp_(addToolButton("↑", tr("Move the selected value up (values are set in order)"))),
      moveDown_(addToolButton("↓", tr("Move the selected value down"))),
      numbers_(addToolButton("[…]", tr("Set the selected value from a list of numbers, one per "
                                       "element (or back to an expression)"))),
      addConstant_(addSecondRowButton("c=", tr("Give a constant a new value from this segment on "
                                               "(Brian2: tau = 5*ms between two run() calls)"))),
      addSwitch_(
          addSecondRowButton("on/off", tr("Switch an object on or off from this segment on "
                                          "(Brian2: M.active = False between two run() calls)"))),
      addSpikes_(addSecondRowButton(tr("spikes"),
                                    tr("Give a SpikeGeneratorGroup new spikes from this segment on "
                                       "(Brian2: SG.set_spikes(indices, times) between two run() "
                                       "calls)"))),
      addTimedArray_(addSecondRowButton(
          tr("array"), tr("Give a TimedArray new values from this segment on, on its grid "
                          "(Brian2: stimulus = TimedArray(...) between two run() calls)"))),
      addSeed_(addSecondRowButton(tr("seed"), tr("Seed the random stream again here: the values "
                                                 "after it, or the segment's own draws, start from "
                                                 "this seed (Brian2: seed(13579) or seed())"))),
      addDt_(addSecondRowButton(
          tr("dt"), tr("Change the time step of the default clock from this segment on, for "
                       "every object without a dt of its own (Brian2: defaultclock.dt = ... "
                       "between two run() calls)"))),
      arrayEditor_(new ArrayValuesEditor(this)) {
    setObjectName("section:segmentValues");
    addButton()->setToolTip(tr("Set a value of a group or Synapses object before this segment "
                               "(Brian2: G.I = ... between two run() calls)"));
    addConstant_->setObjectName("addConstantChange");
    addSwitch_->setObjectName("addActiveSwitch");
    addSeed_->setObjectName("addSeedEntry");
    addSpikes_->setObjectName("addSpikes");
    addTimedArray_->setObjectName("addTimedArray");
    addDt_->setObjectName("addDtChange");
    moveUp_->setObjectName("valueUp");
    moveDown_->setObjectName("valueDown");
    numbers_->setObjectName("valueAsNumbers");
    table()
        ->horizontalHeaderItem(ElementsColumn)
        ->setToolTip(tr("Which neurons, as in Brian2's G.v[...]: all, 3, [1, 5], 10:20, 'i > 5'"));
    table()->setItemDelegateForColumn(
        ObjectColumn,
        new ChoiceDelegate([this] { return objectNames(table()->currentRow()); }, this));
    contentLayout()->addWidget(arrayEditor_);
    arrayEditor_->hide();
    connect(addButton(), &QToolButton::clicked, this, &ProtocolChangesTable::addChange);
    connect(addConstant_, &QToolButton::clicked, this, &ProtocolChangesTable::addConstantChange);
    connect(addSwitch_, &QToolButton::clicked, this, &ProtocolChangesTable::addActiveSwitch);
    connect(addSeed_, &QToolButton::clicked, this, &ProtocolChangesTable::addSeedEntry);
    connect(addSpikes_, &QToolButton::clicked, this, &ProtocolChangesTable::addSpikes);
    connect(addTimedArray_, &QToolButton::clicked, this, &ProtocolChangesTable::addTimedArray);
    connect(addDt_, &QToolButton::clicked, this, &ProtocolChangesTable::addDtChange);
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

/// What the object cell of `row` may name: groups and Synapses objects for
/// values; for a switch also PoissonInputs and monitors.
QStringList ProtocolChangesTable::objectNames(int row) const {
    const auto list = changes();
    const bool switches = row >= 0 && row < int(list.size()) && list[size_t(row)].switchesActive();
    QStringList names;
    const auto add = [&names](const auto& specs) {
        for (const auto& spec : specs)
            names << QString::fromStdString(spec.name);
    };
    add(model().groups);
    add(model().synapses);
    if (switches) {
        add(model().poissonInputs);
        add(model().monitors);
    }
    return names;
}

void ProtocolChangesTable::refresh() {
    TableSection::refresh();
    addButton()->setEnabled(segment_ > 0); // the first segment starts from `initial`
    addConstant_->setEnabled(segment_ > 0 && !model().constants.empty());
    addSwitch_->setEnabled(segment_ > 0);
    addSeed_->setEnabled(segment_ >= 0); // the first segment may seed its own draws
    addSpikes_->setEnabled(segment_ > 0 && firstSpikeGenerator() != nullptr);
    addTimedArray_->setEnabled(segment_ > 0 && !model().timedArrays.empty());
    addDt_->setEnabled(segment_ > 0); // the first segment runs at the model's dt
    // A dt row says "clock", "dt" (narrower than Brian2's name, which its tip gives).
    const auto list = changes();
    const QSignalBlocker quiet(table()); // a tip is no edit of the cell
    for (int row = 0; row < table()->rowCount() && row < int(list.size()); ++row)
        if (list[size_t(row)].changesDt())
            for (int column = 0; column < table()->columnCount(); ++column)
                if (QTableWidgetItem* item = table()->item(row, column))
                    item->setToolTip(
                        tr("defaultclock.dt = %1: the time step of the default clock (every "
                           "object without a dt of its own) from this segment on")
                            .arg(QString::fromStdString(list[size_t(row)].dt)));
    showArrayOfCurrentRow();
}

QList<QStringList> ProtocolChangesTable::rows() const {
    QList<QStringList> rows;
    for (const ProtocolChange& change : changes()) {
        if (change.changesConstant())
            rows.append({tr("constant"), QString::fromStdString(change.constant), QString(),
                         QString::fromStdString(change.assignment.value)});
        else if (change.switchesActive())
            rows.append({QString::fromStdString(change.object), kActiveVariable, QString(),
                         *change.active ? tr("on") : tr("off")});
        else if (change.reseeds())
            rows.append(
                {SeedText::rowLabel(), QString(), QString(), SeedText::format(*change.reseed)});
        else if (change.replacesTimedArray())
            rows.append({QString::fromStdString(change.timedArray->name), kValuesVariable,
                         QString(), timedArrayText(*change.timedArray)});
        else if (change.setsSpikes())
            rows.append({QString::fromStdString(change.object), kSpikesVariable, QString(),
                         SpikeListText::format(*change.spikes)});
        else if (change.changesDt())
            rows.append({tr("clock"), kDtVariable, QString(), QString::fromStdString(change.dt)});
        else
            rows.append({QString::fromStdString(change.object),
                         QString::fromStdString(change.assignment.variable),
                         AssignmentElements::format(change.assignment),
                         valueText(change.assignment)});
    }
    return rows;
}

// Numbers are edited in the array editor below the table, not in the cell. A
// constant's row names no object or elements, a switch no variable or
// elements, a seed entry and a dt change their value only.
bool ProtocolChangesTable::isEditable(int row, int column) const {
    const auto list = changes();
    if (row < 0 || row >= int(list.size()))
        return false;
    const ProtocolChange& change = list[size_t(row)];
    if (change.changesConstant())
        return column == VariableColumn || column == ValueColumn;
    if (change.switchesActive())
        return column == ObjectColumn || column == ValueColumn;
    if (change.reseeds() || change.changesDt())
        return column == ValueColumn;
    if (change.setsSpikes())
        return column == ObjectColumn || column == ValueColumn;
    if (change.replacesTimedArray())
        return false; // its numbers and unit are edited below the table
    return column != ValueColumn || !change.assignment.hasValues;
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
    if (changed.changesConstant() || changed.switchesActive() || changed.reseeds() ||
        changed.setsSpikes() || changed.changesDt()) {
        commitOtherCell(row, column, trimmed, changed);
        return;
    }
    if (column == ElementsColumn) {
        QString problem;
        const bool synapses =
            ModelLookup::synapses(model(), QString::fromStdString(changed.object)) != nullptr;
        if (!AssignmentElements::parse(trimmed, synapses, changed.assignment, &problem)) {
            showLocalProblem(row, column, problem);
            return;
        }
    } else if (trimmed.isEmpty()) {
        showLocalProblem(row, column,
                         column == ObjectColumn     ? tr("a value needs the object it sets")
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

/// A cell of a constant's row (its name, its value), of a switch (its
/// object, on or off), of a seed entry (its seed), of set_spikes' row or of
/// a dt change (its time, checked by the checker).
void ProtocolChangesTable::commitOtherCell(int row, int column, const QString& text,
                                           ProtocolChange changed) {
    QString what;
    if (changed.setsSpikes() && column == ValueColumn) {
        QString problem;
        const std::optional<SpikeListSpec> spikes = SpikeListText::parse(text, &problem);
        if (!spikes) {
            showLocalProblem(row, column, problem);
            return;
        }
        changed.spikes = *spikes;
        what = tr("Set spikes of %1").arg(QString::fromStdString(changed.object));
    } else if (changed.setsSpikes()) {
        if (text.isEmpty()) {
            showLocalProblem(row, column, tr("spikes need the SpikeGeneratorGroup they are for"));
            return;
        }
        changed.object = text.toStdString();
        what = tr("Set spikes of %1").arg(text);
    } else if (changed.changesDt()) {
        if (column != ValueColumn)
            return;
        if (text.isEmpty()) {
            showLocalProblem(row, column, tr("a dt change needs a time step, such as 0.05*ms"));
            return;
        }
        changed.dt = text.toStdString();
        what = tr("Change the default clock's dt to %1").arg(text);
    } else if (changed.reseeds()) {
        const std::optional<Reseed> reseed = SeedText::parse(text);
        if (!reseed) {
            showLocalProblem(row, column, SeedText::problem());
            return;
        }
        changed.reseed = *reseed;
        what = tr("Seed %1").arg(SeedText::format(*reseed));
    } else if (changed.switchesActive() && column == ValueColumn) {
        const std::optional<bool> on = switchValue(text);
        if (!on) {
            showLocalProblem(row, column, tr("a switch is 'on' or 'off'"));
            return;
        }
        changed.active = *on;
        what = tr("Switch %1 %2").arg(QString::fromStdString(changed.object), text);
    } else if (text.isEmpty()) {
        showLocalProblem(row, column,
                         changed.switchesActive()   ? tr("a switch needs the object it switches")
                         : column == VariableColumn ? tr("a change needs the constant it changes")
                                                    : tr("a constant needs a value"));
        return;
    } else if (changed.switchesActive()) {
        changed.object = text.toStdString();
        what = tr("Switch %1").arg(text);
    } else if (column == VariableColumn) {
        changed.constant = text.toStdString();
        what = tr("Change constant %1").arg(text);
    } else {
        changed.assignment.value = text.toStdString();
        what = tr("Change constant %1").arg(QString::fromStdString(changed.constant));
    }
    editChanges(
        what + tr(" before segment %1").arg(segment_ + 1),
        [row, changed](std::vector<ProtocolChange>& list) {
            if (row < int(list.size()))
                list[size_t(row)] = changed;
        },
        row);
}

/// The first constant at its current text: checks until the user edits it.
void ProtocolChangesTable::addConstantChange() {
    if (segment_ <= 0 || model().constants.empty())
        return;
    ProtocolChange change;
    change.constant = model().constants.front().first;
    change.assignment.value = model().constants.front().second;
    appendChange(change, tr("Change constant %1 before segment %2")
                             .arg(QString::fromStdString(change.constant))
                             .arg(segment_ + 1));
}

/// The first monitor (else the first object) switched off.
void ProtocolChangesTable::addActiveSwitch() {
    if (segment_ <= 0)
        return;
    ProtocolChange change;
    change.active = false;
    const QStringList monitors = [this] {
        QStringList names;
        for (const MonitorSpec& monitor : model().monitors)
            names << QString::fromStdString(monitor.name);
        return names;
    }();
    const QStringList objects = monitors.isEmpty() ? objectNames(-1) : monitors;
    change.object = objects.isEmpty() ? std::string() : objects.front().toStdString();
    appendChange(change, tr("Switch %1 off before segment %2")
                             .arg(QString::fromStdString(change.object))
                             .arg(segment_ + 1));
}

const GroupSpec* ProtocolChangesTable::firstSpikeGenerator() const {
    for (const GroupSpec& group : model().groups)
        if (group.type == GroupType::SpikeGeneratorGroup)
            return &group;
    return nullptr;
}

/// The first TimedArray's own values, to edit from there on its grid.
void ProtocolChangesTable::addTimedArray() {
    if (segment_ <= 0 || model().timedArrays.empty())
        return;
    ProtocolChange change;
    change.timedArray = model().timedArrays.front();
    appendChange(change, tr("Replace TimedArray %1 before segment %2")
                             .arg(QString::fromStdString(change.timedArray->name))
                             .arg(segment_ + 1));
}

/// The default clock's dt in effect before `segment`: the last dt change of
/// the segments before it, else the model's own.
std::string ProtocolChangesTable::dtBefore(int segment) const {
    std::string dt = model().dt;
    const std::vector<ProtocolSegmentSpec>& protocol = model().protocol;
    for (int k = 0; k < segment && k < int(protocol.size()); ++k)
        for (const ProtocolChange& change : protocol[size_t(k)].set)
            if (change.changesDt())
                dt = change.dt;
    return dt.empty() ? std::string("0.1*ms") : dt;
}

/// The dt the default clock runs at so far (the model's, or an earlier
/// segment's change): checks until the user types the new one.
void ProtocolChangesTable::addDtChange() {
    if (segment_ <= 0)
        return;
    ProtocolChange change;
    change.dt = dtBefore(segment_);
    appendChange(change, tr("Change the default clock's dt before segment %1").arg(segment_ + 1));
}

/// The first SpikeGeneratorGroup's own spikes, to edit from there.
void ProtocolChangesTable::addSpikes() {
    const GroupSpec* generator = firstSpikeGenerator();
    if (segment_ <= 0 || !generator)
        return;
    ProtocolChange change;
    change.object = generator->name;
    change.spikes =
        SpikeListSpec{generator->spikeIndices, generator->spikeTimes, generator->period};
    appendChange(change, tr("Set spikes of %1 before segment %2")
                             .arg(QString::fromStdString(change.object))
                             .arg(segment_ + 1));
}

/// A fixed seed (the model's, else 1): a seed entry is usually written to
/// make what follows repeatable; "fresh" is typed in its cell.
void ProtocolChangesTable::addSeedEntry() {
    if (segment_ < 0)
        return;
    const ProtocolChange change = ProtocolChange::seedEntry(Reseed{model().seed.value_or(1)});
    appendChange(change, tr("Seed the random stream before segment %1").arg(segment_ + 1));
}

void ProtocolChangesTable::appendChange(const ProtocolChange& change, const QString& text) {
    const int row = int(changes().size());
    editChanges(
        text, [change](std::vector<ProtocolChange>& list) { list.push_back(change); }, row);
}

void ProtocolChangesTable::addChange() {
    if (segment_ <= 0) {
        showLocalProblem(0, 0,
                         tr("the first segment sets no values: what holds before the run is the "
                            "groups' initial values"));
        return;
    }
    const ProtocolChange change = newChange();
    appendChange(change, tr("Set %1 of %2 before segment %3")
                             .arg(QString::fromStdString(change.assignment.variable),
                                  QString::fromStdString(change.object))
                             .arg(segment_ + 1));
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
    const QString object = QString::fromStdString(change.object);
    const GroupSpec* group = ModelLookup::group(model(), object);
    const SynapsesSpec* synapses = ModelLookup::synapses(model(), object);
    if (!group && !synapses)
        return {};
    for (const EquationVariables::Variable& variable :
         EquationVariables::all(group ? group->equations : synapses->model))
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
    if (!changed.setsValues())
        return; // an expression, on or off, a seed, set_spikes' arguments, numbers already
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
    if (row >= 0 && row < int(list.size()) && list[size_t(row)].replacesTimedArray()) {
        showTimedArray(*list[size_t(row)].timedArray);
        return;
    }
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

/// A one-column TimedArray's numbers in the array editor; a table's are
/// edited in the model file (the editor holds one column).
void ProtocolChangesTable::showTimedArray(const TimedArraySpec& array) {
    if (array.columns > 0) {
        arrayEditor_->hide();
        return;
    }
    arrayEditor_->showValues(
        tr("Values of %1 from this segment on, one per %2 of its grid")
            .arg(QString::fromStdString(array.name), QString::fromStdString(array.dt)),
        array.values, QString::fromStdString(array.unit));
}

void ProtocolChangesTable::storeValues(const std::vector<double>& values) {
    const int row = table()->currentRow();
    editChanges(
        tr("Edit numbers of %1").arg(rows().value(row).value(VariableColumn)),
        [row, values](std::vector<ProtocolChange>& list) {
            if (row < 0 || row >= int(list.size()))
                return;
            if (auto& array = list[size_t(row)].timedArray) {
                array->values = values;
                array->rows = static_cast<long long>(values.size());
            } else {
                list[size_t(row)].assignment.values = values;
            }
        },
        row);
}

void ProtocolChangesTable::storeUnit(const QString& unit) {
    const int row = table()->currentRow();
    const auto list = changes();
    if (row < 0 || row >= int(list.size()))
        return;
    const ProtocolChange& change = list[size_t(row)];
    if ((change.timedArray ? change.timedArray->unit : change.assignment.unit) ==
        unit.toStdString())
        return;
    editChanges(
        tr("Unit of %1").arg(rows().value(row).value(VariableColumn)),
        [row, unit = unit.toStdString()](std::vector<ProtocolChange>& list) {
            if (row >= int(list.size()))
                return;
            if (auto& array = list[size_t(row)].timedArray)
                array->unit = unit;
            else
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
    const int column = part == "object" || part == "timed_array"  ? ObjectColumn
                       : part == "variable" || part == "constant" ? VariableColumn
                       : part == "value" || part == "unit" || part == "active" || part == "seed" ||
                               part == "dt" || part.isEmpty()
                           ? ValueColumn
                           : ElementsColumn;
    return Cell{row, column};
}

} // namespace spikestudio
