// The inspector's list editors driven through their widgets, offscreen:
// initial values, the Model page (constants, seed, TimedArrays,
// PoissonInputs), monitors of a group and connect index arrays, each with its
// diagnostics and undo/redo.
#include "MainWindow.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkView.h"
#include "commands/ChangeFieldCommand.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "inspector/CodeEdit.h"
#include "inspector/FieldEditor.h"
#include "inspector/InspectorPanel.h"
#include "inspector/MonitorsSection.h"
#include "inspector/TableSection.h"
#include "model/ModelWriter.h"
#include "model/ObjectKinds.h"
#include "run/RunView.h"
#include "support/CellEditing.h"
#include "support/QuietMainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

QString modelText(const Model& model) {
    return QString::fromStdString(writeModelJson(model));
}

NamedExpressions entries(std::initializer_list<std::pair<std::string, std::string>> list) {
    return NamedExpressions(list);
}

} // namespace

class TestGuiInspector : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;

    const Model& model() { return window_->document()->model(); }
    QUndoStack* undoStack() { return window_->document()->undoStack(); }
    FieldEditor* field(const QString& name) { return window_->inspector()->fieldEditor(name); }
    TableSection* section(const QString& name) {
        return window_->inspector()->findChild<TableSection*>("section:" + name);
    }

    void addNeuronGroups(int count) {
        for (int k = 0; k < count; ++k)
            window_->action("addNeuronGroup")->trigger();
    }

    void clickAt(const QPoint& at) {
        QTest::mouseClick(window_->view()->viewport(), Qt::LeftButton, {}, at);
    }

    void clickNode(const QString& name) {
        GroupNodeItem* node = window_->scene()->node(name);
        QVERIFY(node);
        clickAt(window_->view()->mapFromScene(node->scenePos()));
    }

    /// Clicks the canvas where there is nothing: the inspector shows the model.
    void clickEmptyCanvas() {
        clickAt({4, 4});
        QCOMPARE(window_->inspector()->object().kind, ObjectRef::Kind::Model);
    }

    /// Types into a table cell as a user would: open its editor, replace, Enter.
    void removeRow(TableSection* table, int row) {
        table->table()->setCurrentCell(row, 0);
        table->removeButton()->click();
    }

    void typeInto(FieldEditor* editor, const QString& text) {
        CodeEdit* edit = editor->editor();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    bool cellMarked(TableSection* table, int row, int column) {
        return table->table()->item(row, column)->background() != QBrush();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        window_ = showQuietMainWindow();
        QVERIFY(window_);
        window_->action("new")->trigger(); // from the start page to an empty model
    }

    void cleanup() { window_.reset(); }

    void initialValuesAreEditedCheckedAndUndone() {
        addNeuronGroups(1);
        clickNode("G1");
        TableSection* initial = section("initial");
        QVERIFY(initial->isVisible());
        QVERIFY(!section("constants")->isVisible());

        initial->addButton()->click(); // the first variable at its zero
        QCOMPARE(model().groups[0].initial, entries({{"v", "0*volt"}}));
        editCell(initial, 0, 2, "-2*mV");
        QCOMPARE(model().groups[0].initial, entries({{"v", "-2*mV"}}));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(initial, 0, 2, "-2*mV + foo");
        QCOMPARE(model().groups[0].initial, entries({{"v", "-2*mV + foo"}}));
        QTRY_VERIFY(initial->problemText().contains("foo"));
        QVERIFY(initial->problemText().startsWith("v: "));
        QVERIFY(cellMarked(initial, 0, 2));
        QVERIFY(!window_->diagnostics()->canRun());
        window_->runView()->run();
        QVERIFY(!window_->runView()->isRunning());
        QVERIFY(window_->runView()->findChild<QLabel*>("runStatus")->text().contains("errors"));

        undoStack()->undo();
        QCOMPARE(model().groups[0].initial, entries({{"v", "-2*mV"}}));
        QCOMPARE(initial->table()->item(0, 2)->text(), QString("-2*mV"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(initial->problemText().isEmpty());
        QVERIFY(!cellMarked(initial, 0, 2));
        undoStack()->redo();
        QCOMPARE(model().groups[0].initial, entries({{"v", "-2*mV + foo"}}));
        QTRY_VERIFY(!initial->problemText().isEmpty());

        removeRow(initial, 0);
        QVERIFY(model().groups[0].initial.empty());
        QCOMPARE(initial->table()->rowCount(), 0);
        QTRY_VERIFY(window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(model().groups[0].initial.size(), size_t(1));
    }

    void constantsAreAddedRenamedEditedAndRemoved() {
        addNeuronGroups(1);
        clickNode("G1");
        clickEmptyCanvas();
        TableSection* constants = section("constants");
        QVERIFY(constants->isVisible());
        QVERIFY(!section("initial")->isVisible());
        QVERIFY(!section("monitors")->isVisible());
        const QString before = modelText(model());

        constants->addButton()->click();
        QCOMPARE(model().constants, entries({{"c1", "1"}}));
        editCell(constants, 0, 0, "tau");
        editCell(constants, 0, 1, "10*ms");
        QCOMPARE(model().constants, entries({{"tau", "10*ms"}}));
        // The equations may now use it.
        clickNode("G1");
        typeInto(field("equations"), "dv/dt = -v/tau : volt");
        QTRY_VERIFY(window_->diagnostics()->canRun());

        clickEmptyCanvas();
        editCell(constants, 0, 1, "10*bogus");
        QTRY_VERIFY(constants->problemText().contains("bogus"));
        QVERIFY(!window_->diagnostics()->canRun());
        editCell(constants, 0, 1, "20*ms");
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(constants->problemText().isEmpty());

        removeRow(constants, 0);
        QVERIFY(model().constants.empty());
        QTRY_VERIFY(!window_->diagnostics()->canRun()); // tau is used
        undoStack()->undo();
        QCOMPARE(model().constants, entries({{"tau", "20*ms"}}));
        while (undoStack()->canUndo() && modelText(model()) != before)
            undoStack()->undo();
        QCOMPARE(modelText(model()), before);
        QCOMPARE(constants->table()->rowCount(), 0);
    }

    void modelPageEditsDescriptionAndSeed() {
        clickEmptyCanvas();
        QVERIFY(field("seed")->isVisible());
        typeInto(field("seed"), "42");
        QCOMPARE(model().seed, std::optional<std::uint32_t>(42));
        typeInto(field("description"), "A test network");
        QCOMPARE(model().description, std::string("A test network"));

        typeInto(field("seed"), "4x"); // "4" is stored on the way, "4x" is not
        QCOMPARE(model().seed, std::optional<std::uint32_t>(4));
        QVERIFY(field("seed")->problemText().contains("whole number"));
        QCOMPARE(field("seed")->editor()->toPlainText(), QString("4x"));
        undoStack()->undo(); // the typing in one field is one step
        QCOMPARE(model().seed, std::optional<std::uint32_t>(42));
        typeInto(field("seed"), "");
        QCOMPARE(model().seed, std::optional<std::uint32_t>());
        QVERIFY(field("seed")->problemText().isEmpty());
        QCOMPARE(model().description, std::string("A test network"));
    }

    /// Brian2's prefs.legacy.refractory_timing: a box on the Model page only,
    /// one undo step, and the box follows an undo.
    void modelPageSwitchesLegacyRefractoryTiming() {
        QCheckBox* box = window_->inspector()->legacyRefractoryBox();
        clickEmptyCanvas();
        QVERIFY(box->isVisible());
        QVERIFY(!box->isChecked());
        QTest::mouseClick(box, Qt::LeftButton);
        QVERIFY(model().legacyRefractoryTiming);
        QVERIFY(modelText(model()).contains("\"legacy_refractory_timing\": true"));
        undoStack()->undo();
        QVERIFY(!model().legacyRefractoryTiming);
        QVERIFY(!box->isChecked());
        undoStack()->redo();
        QVERIFY(box->isChecked());
        addNeuronGroups(1);
        clickNode("G1");
        QVERIFY(!box->isVisible());
    }

    void stateMonitorIsAddedAndEditedInTheInspector() {
        addNeuronGroups(1);
        clickNode("G1");
        auto* monitors = qobject_cast<MonitorsSection*>(section("monitors"));
        QVERIFY(monitors && monitors->isVisible());
        QAction* recordV = monitors->addMenu()->findChild<QAction*>("addStateMonitor:v");
        QVERIFY(recordV);
        recordV->trigger();
        QCOMPARE(model().monitors.size(), size_t(1));
        const MonitorSpec& trace = model().monitors[0];
        QCOMPARE(trace.type, MonitorType::State);
        QCOMPARE(trace.source, std::string("G1"));
        QCOMPARE(trace.variables, std::vector<std::string>{"v"});
        QCOMPARE(trace.record, (std::vector<long long>{0, 1, 2, 3, 4}));

        editCell(monitors, 0, 4, "0, 5, 10");
        QCOMPARE(model().monitors[0].record, (std::vector<long long>{0, 5, 10}));
        QVERIFY(!model().monitors[0].recordAll);
        editCell(monitors, 0, 4, "True");
        QVERIFY(model().monitors[0].recordAll);
        QVERIFY(model().monitors[0].record.empty());

        const QString before = modelText(model());
        editCell(monitors, 0, 4, "0, five");
        QCOMPARE(modelText(model()), before);
        QVERIFY(monitors->problemText().contains("'five'"));

        editCell(monitors, 0, 4, "0, 500");
        QTRY_VERIFY(monitors->problemText().contains("out of range"));
        QVERIFY(!window_->diagnostics()->canRun());
        editCell(monitors, 0, 3, "v, nothing");
        QCOMPARE(model().monitors[0].variables, (std::vector<std::string>{"v", "nothing"}));
        undoStack()->undo();
        undoStack()->undo();
        QVERIFY(model().monitors[0].recordAll);
        QTRY_VERIFY(window_->diagnostics()->canRun());

        monitors->addMenu()->findChild<QAction*>("addSpikeMonitor")->trigger();
        QCOMPARE(model().monitors.size(), size_t(2));
        QCOMPARE(model().monitors[1].type, MonitorType::Spike);
        QVERIFY(!(monitors->table()->item(1, 3)->flags() & Qt::ItemIsEditable));
        removeRow(monitors, 0);
        QCOMPARE(model().monitors.size(), size_t(1));
        QCOMPARE(model().monitors[0].type, MonitorType::Spike);
        undoStack()->undo();
        QCOMPARE(model().monitors.size(), size_t(2));
    }

    /// A group's custom events: added, edited and removed in their table as
    /// undo steps, problems marked at their cell; the monitors' menu then
    /// offers an EventMonitor of each.
    void customEventsAreEditedAndRecordedInTheInspector() {
        addNeuronGroups(1);
        clickNode("G1");
        TableSection* events = section("events");
        QVERIFY(events && events->isVisible());
        QCOMPARE(events->table()->rowCount(), 0);
        events->addButton()->click();
        QCOMPARE(model().groups[0].events.size(), size_t(1));
        QCOMPARE(model().groups[0].events[0].name, std::string("up"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(events, 0, 1, "v > 5*mV");
        editCell(events, 0, 2, "v = 0*mV");
        QCOMPARE(model().groups[0].events[0].condition, std::string("v > 5*mV"));
        QCOMPARE(model().groups[0].events[0].code, std::string("v = 0*mV"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(events, 0, 0, "spike");
        QTRY_VERIFY(events->problemText().contains("'spike' is the event of the group's"));
        QVERIFY(cellMarked(events, 0, 0));
        QVERIFY(!window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(model().groups[0].events[0].name, std::string("up"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(events, 0, 1, "v + 5*mV");
        QTRY_VERIFY(events->problemText().contains("must be a boolean expression"));
        QVERIFY(cellMarked(events, 0, 1));
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());

        auto* monitors = qobject_cast<MonitorsSection*>(section("monitors"));
        QAction* recordUp = monitors->addMenu()->findChild<QAction*>("addEventMonitor:up");
        QVERIFY(recordUp);
        recordUp->trigger();
        QCOMPARE(model().monitors.size(), size_t(1));
        QCOMPARE(model().monitors[0].type, MonitorType::Event);
        QCOMPARE(model().monitors[0].event, std::string("up"));
        QCOMPARE(monitors->table()->item(0, 2)->text(), QString("events (up)"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // Without the event its monitor is refused, naming the group's events.
        removeRow(events, 0);
        QVERIFY(model().groups[0].events.empty());
        QTRY_VERIFY(monitors->problemText().contains("has no event 'up'"));
        undoStack()->undo();
        QCOMPARE(model().groups[0].events.size(), size_t(1));
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    /// An EventMonitor is offered and edited by what its descriptor lists:
    /// its event in the Records column, optional variables, and whether it
    /// records its events (True) or counts them only (False, no variables).
    void eventMonitorIsAddedAndEditedInTheInspector() {
        addNeuronGroups(1);
        clickNode("G1");
        auto* monitors = qobject_cast<MonitorsSection*>(section("monitors"));
        QVERIFY(monitors && monitors->isVisible());
        QAction* add = monitors->addMenu()->findChild<QAction*>("addEventMonitor");
        QVERIFY(add);
        add->trigger();
        QCOMPARE(model().monitors.size(), size_t(1));
        QCOMPARE(model().monitors[0].type, MonitorType::Event);
        QVERIFY(model().monitors[0].variables.empty() && model().monitors[0].record.empty());
        QCOMPARE(monitors->table()->item(0, 2)->text(), QString("events (spike)"));
        QVERIFY(monitors->table()->item(0, 3)->flags() & Qt::ItemIsEditable);
        QCOMPARE(monitors->table()->item(0, 4)->text(), QString("True"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(monitors, 0, 4, "False");
        QVERIFY(!model().monitors[0].recordEvents);
        QVERIFY(model().monitors[0].record.empty());
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(monitors, 0, 4, "some");
        QVERIFY(!model().monitors[0].recordEvents);
        QVERIFY(monitors->problemText().contains("False counts them only"));
        editCell(monitors, 0, 3, "v");
        QTRY_VERIFY(monitors->problemText().contains("'record': false counts the events only"));
        QVERIFY(cellMarked(monitors, 0, 4));
        undoStack()->undo();
        undoStack()->undo();
        QVERIFY(model().monitors[0].recordEvents);
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(monitors, 0, 3, "v");
        QCOMPARE(model().monitors[0].variables, std::vector<std::string>{"v"});
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(monitors, 0, 3, "v, nothing");
        QTRY_VERIFY(monitors->problemText().contains("'nothing' is not a variable of 'G1'"));
        QVERIFY(cellMarked(monitors, 0, 3));
        QVERIFY(!window_->diagnostics()->canRun());
        editCell(monitors, 0, 3, " ");
        QVERIFY(model().monitors[0].variables.empty()); // optional, unlike a StateMonitor's
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    void timedArraysAndPoissonInputsAreEditedOnTheModelPage() {
        addNeuronGroups(1);
        clickEmptyCanvas();
        TableSection* arrays = section("timed_arrays");
        QVERIFY(arrays->isVisible());
        arrays->addButton()->click();
        QCOMPARE(model().timedArrays.size(), size_t(1));
        editCell(arrays, 0, 3, "0, 1, 0.5");
        QCOMPARE(model().timedArrays[0].values, (std::vector<double>{0, 1, 0.5}));
        QCOMPARE(model().timedArrays[0].rows, 3LL);
        QCOMPARE(model().timedArrays[0].columns, 0LL);
        editCell(arrays, 0, 3, "1, 2; 3, 4");
        QCOMPARE(model().timedArrays[0].rows, 2LL);
        QCOMPARE(model().timedArrays[0].columns, 2LL);
        editCell(arrays, 0, 2, "nA");
        QCOMPARE(model().timedArrays[0].unit, std::string("nA"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(arrays, 0, 3, "1, two");
        QVERIFY(arrays->problemText().contains("'two' is not a number"));
        QCOMPARE(model().timedArrays[0].rows, 2LL);
        editCell(arrays, 0, 1, "-1*ms");
        QTRY_VERIFY(!arrays->problemText().isEmpty());
        QVERIFY(cellMarked(arrays, 0, 1));
        QVERIFY(!window_->diagnostics()->canRun());
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());

        TableSection* inputs = section("poisson_inputs");
        inputs->addButton()->click();
        QCOMPARE(model().poissonInputs.size(), size_t(1));
        const PoissonInputSpec& input = model().poissonInputs[0];
        QCOMPARE(input.target, std::string("G1"));
        QCOMPARE(input.variable, std::string("v"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(inputs, 0, 3, "250");
        QCOMPARE(model().poissonInputs[0].count, 250LL);
        editCell(inputs, 0, 3, "-3");
        QVERIFY(inputs->problemText().contains("'-3'"));
        QCOMPARE(model().poissonInputs[0].count, 250LL);
        editCell(inputs, 0, 4, "5*mV");
        QTRY_VERIFY(!inputs->problemText().isEmpty());
        QVERIFY(cellMarked(inputs, 0, 4));
        QVERIFY(!window_->diagnostics()->canRun());
        editCell(inputs, 0, 4, "5*Hz");
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QCOMPARE(model().poissonInputs[0].rate, std::string("5*Hz"));
        removeRow(inputs, 0);
        QVERIFY(model().poissonInputs.empty());
    }

    /// A group's page shows exactly the field editors its kind's descriptor lists.
    /// The method is text like the equations (a GSL method's name too), and a
    /// NeuronGroup's method options a table: Brian2's options with their
    /// defaults as new rows, a bad value marked at its row.
    void methodAndMethodOptionsAreEdited() {
        addNeuronGroups(1);
        clickNode("G1");
        typeInto(field("method"), "gsl_rkck");
        QTRY_COMPARE(model().groups[0].method, std::string("gsl_rkck"));
        TableSection* options = section("method_options");
        QVERIFY(options->isVisible());
        options->addButton()->click();
        options->addButton()->click();
        QCOMPARE(model().groups[0].methodOptions,
                 entries({{"absolute_error", "1e-6"}, {"max_steps", "100"}}));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(options, 1, 1, "0");
        QTRY_VERIFY(options->problemText().contains("max_steps must be a whole number"));
        QVERIFY(cellMarked(options, 1, 1));
        QVERIFY(!window_->diagnostics()->canRun());
        editCell(options, 1, 0, "absolute_error[v]");
        editCell(options, 1, 1, "0.01*mV");
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QCOMPARE(model().groups[0].methodOptions,
                 entries({{"absolute_error", "1e-6"}, {"absolute_error[v]", "0.01*mV"}}));

        typeInto(field("method"), "euler");
        QTRY_VERIFY(options->problemText().contains("only the GSL methods take options"));
        removeRow(options, 1);
        removeRow(options, 0);
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(model().groups[0].methodOptions.empty());
    }

    void groupPagesShowTheirKindsFields_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("type");
        QTest::newRow("PoissonGroup") << "addPoissonGroup" << int(GroupType::PoissonGroup);
        QTest::newRow("NeuronGroup") << "addNeuronGroup" << int(GroupType::NeuronGroup);
        QTest::newRow("SpikeGeneratorGroup")
            << "addSpikeGenerator" << int(GroupType::SpikeGeneratorGroup);
    }

    void groupPagesShowTheirKindsFields() {
        QFETCH(QString, action);
        QFETCH(int, type);
        window_->action(action)->trigger();
        clickNode(QString::fromStdString(model().groups.back().name));
        QStringList expected;
        for (const FieldDescriptor* descriptor :
             InspectorPanel::editedFields(ObjectKinds::of(GroupType(type))))
            expected << QString::fromStdString(descriptor->key);
        QStringList shown;
        for (const FieldEditor* editor : window_->inspector()->findChildren<FieldEditor*>())
            if (editor->isVisible())
                shown << editor->field();
        std::sort(expected.begin(), expected.end());
        std::sort(shown.begin(), shown.end());
        QCOMPARE(shown, expected);
        if (GroupType(type) == GroupType::PoissonGroup)
            QCOMPARE(shown, QStringList({"rates"}));
        QVERIFY(window_->inspector()->sizeEdit()->isVisible()); // N, a Number field
        for (const FieldDescriptor* descriptor :
             InspectorPanel::editedFields(ObjectKinds::of(GroupType(type))))
            QCOMPARE(field(QString::fromStdString(descriptor->key))->toolTip(),
                     QString::fromStdString(descriptor->description));
    }

    /// Every problem the checker finds is marked at its field, not only the first.
    void everyProblemIsMarkedAtItsField() {
        addNeuronGroups(2);
        const auto change = [this](const QString& group, const QString& field,
                                   const QString& text) {
            undoStack()->push(
                new ChangeFieldCommand(window_->document(), ObjectRef::group(group), field, text));
        };
        change("G1", "threshold", "v > 1*ms");
        change("G1", "reset", "v = 1*second");
        change("G2", "equations", "dv/dt = -v/(10*ms) : foo");
        window_->diagnostics()->checkNow();
        QCOMPARE(window_->diagnostics()->problems().size(), 3);
        QCOMPARE(window_->diagnostics()->problems()[0].field, QString("threshold"));
        window_->inspector()->showObject(ObjectRef::group("G1"));
        QVERIFY(field("threshold")->problemText().contains("DimensionMismatchError"));
        QVERIFY(field("reset")->problemText().contains("DimensionMismatchError"));
        QVERIFY(field("equations")->problemText().isEmpty());
        window_->inspector()->showObject(ObjectRef::group("G2"));
        QVERIFY(field("equations")->problemText().contains("foo"));
        QVERIFY(field("threshold")->problemText().isEmpty());
        const auto* status = window_->findChild<QLabel*>("checkStatus");
        QVERIFY2(status->text().contains("'G1', field 'threshold'") &&
                     status->text().contains("and 2 more"),
                 qPrintable(status->text()));
    }

    void connectArraysAreEditedAndBadNumbersShown() {
        addNeuronGroups(2);
        window_->action("connect")->trigger();
        clickNode("G1");
        clickNode("G2");
        QCOMPARE(window_->inspector()->object().kind, ObjectRef::Kind::Synapses);
        auto* form = window_->inspector()->findChild<QComboBox*>("connect.form");
        QVERIFY(form && form->isVisible());
        QVERIFY(!field("connect.i")->isVisible());
        form->setFocus();
        QTest::keyClick(form, Qt::Key_Down); // Rule -> Index arrays
        QCOMPARE(model().synapses[0].connect.form, ConnectSpec::Form::Arrays);
        QVERIFY(field("connect.i")->isVisible());
        QVERIFY(!field("connect.condition")->isVisible());

        typeInto(field("connect.i"), "0, 1, 2");
        typeInto(field("connect.j"), "1,2,0");
        QCOMPARE(model().synapses[0].connect.i, (std::vector<long long>{0, 1, 2}));
        QCOMPARE(model().synapses[0].connect.j, (std::vector<long long>{1, 2, 0}));
        QCOMPARE(field("connect.j")->text(), QString("1,2,0")); // not reformatted while typing
        QTRY_VERIFY(window_->diagnostics()->canRun());

        typeInto(field("connect.i"), "0, 1, x");
        QVERIFY(field("connect.i")->problemText().contains("'x'"));
        // Typing stores each valid state on the way; "0, 1, x" is not stored.
        QCOMPARE(model().synapses[0].connect.i, (std::vector<long long>{0, 1}));
        QCOMPARE(field("connect.i")->text(), QString("0, 1, x"));
        typeInto(field("connect.i"), "0, 1, 2, 3");
        QVERIFY(!field("connect.i")->problemText().contains("'x'"));
        QTRY_VERIFY(field("connect.j")->problemText().contains("same length"));
        QVERIFY(!window_->diagnostics()->canRun());
        typeInto(field("connect.j"), "1, 2, 0, 500");
        QTRY_VERIFY(field("connect.j")->problemText().contains("500"));
        typeInto(field("connect.j"), "1, 2, 0, 5");
        QTRY_VERIFY(window_->diagnostics()->canRun());

        while (model().synapses[0].connect.form == ConnectSpec::Form::Arrays)
            undoStack()->undo();
        QCOMPARE(model().synapses[0].connect.form, ConnectSpec::Form::Rule);
        QVERIFY(field("connect.condition")->isVisible());
        QCOMPARE(form->currentData().toString(), QString("rule"));
    }
};

int main(int argc, char** argv) {
    QApplication application(argc, argv);
    TestGuiInspector test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_inspector.moc"
