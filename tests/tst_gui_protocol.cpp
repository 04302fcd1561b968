// The protocol editor in the Run dock driven through its widgets, offscreen:
// a plain duration converted to a protocol, segments added, edited, moved
// and removed (the last-but-one turning the model back to a duration), values
// set before a segment (also of Synapses objects), constants changed and
// objects switched on and off, the default clock's dt changed (and refused
// by the checker at its row), every step undone; bad durations refused
// naming the segment; the Model page showing the protocol's total; and segment
// boundaries marked on the live plot and on a stored run's figure. With
// SPIKESTUDIO_UPDATE_DOCS set the window is saved as docs/protocol-editor.png
// (best under xvfb-run with the xcb platform).
#include "MainWindow.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/InitialValues.h"
#include "document/ModelDocument.h"
#include "document/ProtocolTimes.h"
#include "document/SpikeListText.h"
#include "inspector/ArrayValuesEditor.h"
#include "inspector/CodeEdit.h"
#include "inspector/FieldEditor.h"
#include "inspector/InspectorPanel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "plots/LivePlot.h"
#include "plots/ResultFigure.h"
#include "protocol/ProtocolChangesTable.h"
#include "protocol/ProtocolEditor.h"
#include "protocol/ProtocolSegmentsTable.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "runtime/Network.h"
#include "support/CellEditing.h"
#include "support/QuietMainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>
#include <qcustomplot.h>

using namespace spikestudio;

namespace {

// A group driven by I, recorded three ways, run for 60 ms.
const char* const kModel = R"({"format": "spikestudio-model", "version": 1,
  "name": "drive", "dt": "0.1*ms", "duration": "60*ms", "seed": 3,
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 20,
              "equations": "dv/dt = (I - v)/(10*ms) : 1\nI : 1",
              "threshold": "v > 1", "reset": "v = 0", "method": "euler",
              "initial": {"I": "1.5"}}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"},
               {"name": "rate", "type": "PopulationRateMonitor", "source": "G"},
               {"name": "trace", "type": "StateMonitor", "source": "G",
                "variables": ["v"], "record": [0, 1]}]
})";

// The same model run as a protocol: 30 ms, the drive off for 20 ms, 10 ms more.
Model protocolModel() {
    Model model = readModel(kModel);
    model.duration.clear();
    ProtocolSegmentSpec first{"30*ms", {}};
    ProtocolSegmentSpec second{"20*ms", {{"G", AssignmentSpec{.variable = "I", .value = "0"}}}};
    ProtocolSegmentSpec third{"10*ms",
                              {{"G", AssignmentSpec{.variable = "I", .value = "1.2 + rand()"}}}};
    model.protocol = {first, second, third};
    return model;
}

// The same model with a time constant and synapses, as a two-segment protocol.
const char* const kChangesModel = R"({"format": "spikestudio-model", "version": 1,
  "name": "changes", "dt": "0.1*ms", "seed": 3, "constants": {"tau": "10*ms"},
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 20,
              "equations": "dv/dt = (I - v)/tau : 1\nI : 1",
              "threshold": "v > 1", "reset": "v = 0", "method": "euler",
              "initial": {"I": "1.5"}}],
  "synapses": [{"name": "S", "source": "G", "target": "G", "model": "w : 1",
                "on_pre": "v += w", "connect": {"condition": "i == j + 1"}}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"}],
  "protocol": [{"duration": "10*ms"}, {"duration": "10*ms"}]
})";

/// The plot's items named `name`.
int itemsNamed(const QCustomPlot& plot, const QString& name) {
    int count = 0;
    for (int k = 0; k < plot.itemCount(); ++k)
        count += plot.item(k)->objectName() == name ? 1 : 0;
    return count;
}

/// Where the first item named `name` starts on its time axis.
double itemTime(const QCustomPlot& plot, const QString& name) {
    for (int k = 0; k < plot.itemCount(); ++k)
        if (plot.item(k)->objectName() == name)
            return plot.item(k)->positions().front()->coords().x();
    return -1.0;
}

} // namespace

class TestGuiProtocol : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;
    QTemporaryDir dir_;

    const Model& model() { return window_->document()->model(); }
    QUndoStack* undoStack() { return window_->document()->undoStack(); }
    ProtocolEditor* editor() { return window_->findChild<ProtocolEditor*>("protocolEditor"); }
    ProtocolSegmentsTable* segments() { return editor()->segments(); }
    ProtocolChangesTable* changes() { return editor()->changes(); }
    FieldEditor* durationField() { return window_->inspector()->fieldEditor("duration"); }

    /// Types into a table cell as a user would: open its editor, replace, Enter.
    /// Picks `choice` in a cell edited with a drop-down (the object cells).
    void chooseInCell(TableSection* table, int row, int column, const QString& choice) {
        QTableWidget* widget = table->table();
        QTableWidgetItem* item = widget->item(row, column);
        QVERIFY(item && (item->flags() & Qt::ItemIsEditable));
        widget->setCurrentItem(item);
        widget->editItem(item);
        auto* combo = qobject_cast<QComboBox*>(widget->indexWidget(widget->currentIndex()));
        QVERIFY(combo);
        QVERIFY2(combo->findText(choice) >= 0, qPrintable(choice));
        combo->setCurrentText(choice);
        QTest::keyClick(combo, Qt::Key_Return); // the delegate commits and closes
        QCoreApplication::processEvents();
    }

    QString cell(TableSection* table, int row, int column) {
        QTableWidgetItem* item = table->table()->item(row, column);
        return item ? item->text() : QString();
    }

    void load(const Model& model) {
        window_->document()->load(model, QString());
        window_->diagnostics()->checkNow();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("cache").toUtf8());
    }

    void init() {
        window_ = showQuietMainWindow(QSize(1400, 900));
        QVERIFY(window_);
        window_->action("new")->trigger();
        load(readModel(kModel));
    }

    void cleanup() { window_.reset(); }

    void aProtocolIsBuiltThroughTheEditorAndUndone() {
        QVERIFY(editor());
        QVERIFY(editor()->convertButton()->isVisible());
        QVERIFY(!segments()->isVisible());
        QVERIFY(editor()->summaryText().contains("60*ms"));
        window_->inspector()->showObject({});
        QVERIFY(!durationField()->editor()->isReadOnly());
        const int steps = undoStack()->count();

        auto* runDuration = window_->runView()->findChild<QLineEdit*>("runDuration");
        QVERIFY(runDuration->isEnabled());
        editor()->convertButton()->click();
        QVERIFY(!runDuration->isEnabled()); // a duration for the run would be refused
        QCOMPARE(runDuration->placeholderText(), QString("protocol"));
        QCOMPARE(model().protocol.size(), size_t(1));
        QCOMPARE(model().protocol[0].duration, std::string("60*ms"));
        QVERIFY(model().duration.empty());
        QVERIFY(segments()->isVisible());
        QVERIFY(!editor()->convertButton()->isVisible());
        QCOMPARE(cell(segments(), 0, ProtocolSegmentsTable::DurationColumn), QString("60*ms"));
        // The Model page shows the total, read only.
        QVERIFY(durationField()->editor()->isReadOnly());
        QCOMPARE(durationField()->text(), QString("60 ms in 1 segment"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // A second segment after the first, as long, setting nothing yet.
        segments()->addButton()->click();
        QCOMPARE(model().protocol.size(), size_t(2));
        QCOMPARE(model().protocol[1].duration, std::string("60*ms"));
        QCOMPARE(segments()->selectedSegment(), 1);
        QVERIFY(changes()->isVisible());
        QCOMPARE(changes()->segment(), 1);
        editCell(segments(), 1, ProtocolSegmentsTable::DurationColumn, "25*ms");
        QCOMPARE(model().protocol[1].duration, std::string("25*ms"));
        QCOMPARE(durationField()->text(), QString("85 ms in 2 segments"));
        QVERIFY(editor()->summaryText().contains("85 ms in all"));

        // A value set before segment 2: the group's first variable, then edited.
        segments()->selectSegment(1);
        changes()->addButton()->click();
        QCOMPARE(model().protocol[1].set.size(), size_t(1));
        QCOMPARE(model().protocol[1].set[0].object, std::string("G"));
        QCOMPARE(model().protocol[1].set[0].assignment.variable, std::string("v"));
        editCell(changes(), 0, ProtocolChangesTable::VariableColumn, "I");
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "0.5*rand()");
        editCell(changes(), 0, ProtocolChangesTable::ElementsColumn, ":10");
        const ProtocolChange& set = model().protocol[1].set[0];
        QCOMPARE(set.assignment.variable, std::string("I"));
        QCOMPARE(set.assignment.value, std::string("0.5*rand()"));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ElementsColumn), QString(":10"));
        QCOMPARE(cell(segments(), 1, ProtocolSegmentsTable::ChangesColumn), QString("I of G"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // Numbers instead of an expression, one per selected neuron.
        changes()->table()->setCurrentCell(0, 0);
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "2");
        changes()->numbersButton()->click();
        QVERIFY(model().protocol[1].set[0].assignment.hasValues);
        QVERIFY(changes()->arrayEditor()->isVisible());
        changes()->arrayEditor()->pasteText("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n");
        QCOMPARE(model().protocol[1].set[0].assignment.values.size(), size_t(10));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // The first segment sets nothing: its + is off.
        segments()->selectSegment(0);
        QCOMPARE(changes()->segment(), 0);
        QVERIFY(!changes()->addButton()->isEnabled());

        // Reordering moves the values with their segment; the checker then
        // refuses values before the first segment, at its cell.
        segments()->selectSegment(1);
        segments()->moveUpButton()->click();
        QCOMPARE(model().protocol[0].duration, std::string("25*ms"));
        QCOMPARE(model().protocol[0].set.size(), size_t(1));
        QTRY_VERIFY(segments()->problemText().contains("segment 1: the first segment sets no "
                                                       "values"));
        QVERIFY(!window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(model().protocol[1].duration, std::string("25*ms"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(segments()->problemText().isEmpty());

        // Removing the last-but-one segment turns the protocol back into a duration.
        segments()->selectSegment(1);
        segments()->table()->setCurrentCell(1, 0);
        segments()->removeButton()->click();
        QVERIFY(model().protocol.empty());
        QCOMPARE(model().duration, std::string("60*ms"));
        QVERIFY(editor()->convertButton()->isVisible());
        QVERIFY(!durationField()->editor()->isReadOnly());
        QCOMPARE(durationField()->text(), QString("60*ms"));
        undoStack()->undo();
        QCOMPARE(model().protocol.size(), size_t(2));
        QCOMPARE(model().protocol[1].set.size(), size_t(1));

        // Every step undone leaves the model as it was.
        while (undoStack()->count() > steps && undoStack()->canUndo())
            undoStack()->undo();
        QVERIFY(model().protocol.empty());
        QCOMPARE(model().duration, std::string("60*ms"));
        undoStack()->redo(); // and redone: the conversion again
        QCOMPARE(model().protocol.size(), size_t(1));
    }

    /// Constants, switches and synaptic values before a segment, edited in
    /// its table and summed up in the segments' table; a bad constant name
    /// is marked at its cell; every step undone.
    void constantsSwitchesAndSynapticValuesAreEdited() {
        load(readModel(kChangesModel));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        const int steps = undoStack()->count();
        segments()->selectSegment(0);
        QVERIFY(!changes()->addConstantButton()->isEnabled());
        QVERIFY(!changes()->addSwitchButton()->isEnabled());
        segments()->selectSegment(1);
        QVERIFY(changes()->addConstantButton()->isEnabled());

        changes()->addConstantButton()->click();
        const std::vector<ProtocolChange>* set = &model().protocol[1].set;
        QCOMPARE(set->size(), size_t(1));
        QCOMPARE(set->at(0).constant, std::string("tau"));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ObjectColumn), QString("constant"));
        QVERIFY(!(changes()->table()->item(0, ProtocolChangesTable::ObjectColumn)->flags() &
                  Qt::ItemIsEditable));
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "5*ms");
        QCOMPARE(model().protocol[1].set[0].assignment.value, std::string("5*ms"));

        changes()->addSwitchButton()->click();
        set = &model().protocol[1].set;
        QCOMPARE(set->at(1).object, std::string("spikes"));
        QVERIFY(set->at(1).switchesActive() && !*set->at(1).active);
        QCOMPARE(cell(changes(), 1, ProtocolChangesTable::ValueColumn), QString("off"));
        chooseInCell(changes(), 1, ProtocolChangesTable::ObjectColumn, "S");
        QCOMPARE(model().protocol[1].set[1].object, std::string("S"));
        editCell(changes(), 1, ProtocolChangesTable::ValueColumn, "maybe"); // refused locally
        QVERIFY(!*model().protocol[1].set[1].active);
        editCell(changes(), 1, ProtocolChangesTable::ValueColumn, "on");
        QVERIFY(*model().protocol[1].set[1].active);

        changes()->addButton()->click();
        chooseInCell(changes(), 2, ProtocolChangesTable::ObjectColumn, "S");
        editCell(changes(), 2, ProtocolChangesTable::VariableColumn, "w");
        editCell(changes(), 2, ProtocolChangesTable::ValueColumn, "0.5");
        editCell(changes(), 2, ProtocolChangesTable::ElementsColumn, "'j > 3'");
        const ProtocolChange& values = model().protocol[1].set[2];
        QCOMPARE(values.object, std::string("S"));
        QCOMPARE(values.assignment.condition, std::string("j > 3"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QCOMPARE(cell(segments(), 1, ProtocolSegmentsTable::ChangesColumn),
                 QString("tau = 5*ms, S on, w of S"));

        editCell(changes(), 0, ProtocolChangesTable::VariableColumn, "nope");
        QTRY_VERIFY(changes()->problemText().contains("'nope' is not one of the model's "
                                                      "constants"));
        QVERIFY(!window_->diagnostics()->canRun());

        while (undoStack()->count() > steps && undoStack()->canUndo())
            undoStack()->undo();
        QVERIFY(model().protocol[1].set.empty());
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    /// Brian2's `seed(13579)` and `seed()` between runs: seed rows added in any
    /// segment (the first included), their seed typed ("fresh" or a number),
    /// a bad one refused in its cell; the summary says seed(...).
    void seedEntriesAreAddedInAnySegment() {
        load(readModel(kChangesModel));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        const int steps = undoStack()->count();
        segments()->selectSegment(0);
        QVERIFY(changes()->addSeedButton()->isEnabled());
        changes()->addSeedButton()->click();
        QCOMPARE(model().protocol[0].set.size(), size_t(1));
        QCOMPARE(model().protocol[0].set[0].reseed->seed, std::optional<std::uint32_t>(3));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ObjectColumn), QString("seed"));
        QVERIFY(!(changes()->table()->item(0, ProtocolChangesTable::VariableColumn)->flags() &
                  Qt::ItemIsEditable));
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "fresh");
        QVERIFY(!model().protocol[0].set[0].reseed->seed);
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "-4"); // refused in its cell
        QVERIFY(changes()->problemText().contains("a seed is a whole number"));
        QVERIFY(!model().protocol[0].set[0].reseed->seed);
        QTRY_VERIFY(window_->diagnostics()->canRun());

        segments()->selectSegment(1);
        changes()->addSeedButton()->click();
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "13579");
        changes()->addButton()->click();
        editCell(changes(), 1, ProtocolChangesTable::ValueColumn, "rand()");
        QCOMPARE(model().protocol[1].set[0].reseed->seed, std::optional<std::uint32_t>(13579));
        QCOMPARE(cell(segments(), 0, ProtocolSegmentsTable::ChangesColumn), QString("seed()"));
        QCOMPARE(cell(segments(), 1, ProtocolSegmentsTable::ChangesColumn),
                 QString("seed(13579), v of G"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        while (undoStack()->count() > steps && undoStack()->canUndo())
            undoStack()->undo();
        QVERIFY(model().protocol[0].set.empty() && model().protocol[1].set.empty());
    }

    /// The spikes cell reads and writes set_spikes' arguments.
    void spikeListTextReadsAndWritesSetSpikesArguments() {
        QString problem;
        const auto spikes = SpikeListText::parse(" [3, 2,1], [1, 4, 2.5]*ms ", &problem);
        QVERIFY2(spikes, qPrintable(problem));
        QCOMPARE(spikes->indices, (std::vector<long long>{3, 2, 1}));
        QCOMPARE(spikes->times, (std::vector<std::string>{"1*ms", "4*ms", "2.5*ms"}));
        QVERIFY(spikes->period.empty());
        QCOMPARE(SpikeListText::format(*spikes), QString("[3, 2, 1], [1, 4, 2.5]*ms"));
        const auto periodic =
            SpikeListText::parse("[0, 1], [1*ms, min(2*ms, tau)], period = 5*ms", &problem);
        QVERIFY2(periodic, qPrintable(problem));
        QCOMPARE(periodic->times[1], std::string("min(2*ms, tau)"));
        QCOMPARE(periodic->period, std::string("5*ms"));
        QCOMPARE(SpikeListText::format(*periodic),
                 QString("[0, 1], [1*ms, min(2*ms, tau)], period=5*ms"));
        QVERIFY(SpikeListText::parse("[], []", &problem)->indices.empty());
        for (const QString& bad : {"[1, 2]", "[1, -2], [1, 2]*ms", "[1, 2], [1]*ms", "1, [1]*ms",
                                   "[1], [1]*ms, 5*ms", "[1.5], [1]*ms", "[1, 2], [1,,2]*ms"}) {
            problem.clear();
            QVERIFY2(!SpikeListText::parse(bad, &problem), qPrintable(bad));
            QVERIFY2(!problem.isEmpty(), qPrintable(bad));
        }
    }

    /// Brian2's set_spikes between runs: a spikes row for the generator,
    /// its arguments typed (a bad text refused in its cell), checked, undone.
    void spikesAreSetBeforeASegment() {
        load(readModel(R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "groups": [{"name": "In", "type": "SpikeGeneratorGroup", "N": 3, "indices": [0, 2],
              "times": ["1*ms", "3*ms"]}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "In"}],
  "protocol": [{"duration": "10*ms"}, {"duration": "10*ms"}]})"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        segments()->selectSegment(0);
        QVERIFY(!changes()->addSpikesButton()->isEnabled());
        segments()->selectSegment(1);
        QVERIFY(changes()->addSpikesButton()->isEnabled());
        changes()->addSpikesButton()->click();
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ObjectColumn), QString("In"));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::VariableColumn), QString("spikes"));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ValueColumn),
                 QString("[0, 2], [1, 3]*ms"));
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "[1, 2], [12, 15]*ms");
        const ProtocolChange& set = model().protocol[1].set[0];
        QCOMPARE(set.spikes->indices, (std::vector<long long>{1, 2}));
        QCOMPARE(set.spikes->times, (std::vector<std::string>{"12*ms", "15*ms"}));
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "[1, 2], [12]*ms");
        QVERIFY(changes()->problemText().contains("2 indices but 1 times"));
        QCOMPARE(model().protocol[1].set[0].spikes->times.size(), size_t(2));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QCOMPARE(cell(segments(), 1, ProtocolSegmentsTable::ChangesColumn),
                 QString("spikes of In"));
        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "[1, 7], [12, 15]*ms");
        QTRY_VERIFY2(changes()->problemText().contains("index 7 is outside the group (N = 3)"),
                     qPrintable(changes()->problemText()));
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    /// A TimedArray given new values before a segment: a row for it, its
    /// numbers pasted and its unit typed below the table, checked, undone.
    void timedArraysAreReplacedBeforeASegment() {
        load(readModel(R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "timed_arrays": [{"name": "stimulus", "dt": "1*ms", "unit": "nA", "values": [0, 0.5]}],
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
              "equations": "dv/dt = (stimulus(t)*Mohm - v)/(10*ms) : volt"}],
  "protocol": [{"duration": "10*ms"}, {"duration": "10*ms"}]})"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        segments()->selectSegment(1);
        QVERIFY(changes()->addTimedArrayButton()->isEnabled());
        changes()->addTimedArrayButton()->click();
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ObjectColumn), QString("stimulus"));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ValueColumn), QString("[2 numbers] nA"));
        changes()->table()->setCurrentCell(0, ProtocolChangesTable::ValueColumn);
        QVERIFY(changes()->arrayEditor()->isVisible());
        changes()->arrayEditor()->pasteText("1\n2\n3\n");
        QCOMPARE(model().protocol[1].set[0].timedArray->values, (std::vector<double>{1, 2, 3}));
        QCOMPARE(model().protocol[1].set[0].timedArray->rows, 3LL);
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ValueColumn), QString("[3 numbers] nA"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QCOMPARE(cell(segments(), 1, ProtocolSegmentsTable::ChangesColumn),
                 QString("stimulus replaced"));
        QLineEdit* unit = changes()->arrayEditor()->unitEdit();
        unit->setFocus();
        unit->selectAll();
        QTest::keyClicks(unit, "mV"); // not a current
        QTest::keyClick(unit, Qt::Key_Return);
        QCOMPARE(model().protocol[1].set[0].timedArray->unit, std::string("mV"));
        QTRY_VERIFY2(changes()->problemText().contains("DimensionMismatchError"),
                     qPrintable(changes()->problemText()));
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());
        while (undoStack()->canUndo())
            undoStack()->undo();
        QVERIFY(model().protocol[1].set.empty());
    }

    /// Brian2's `defaultclock.dt = ...` between runs: a dt row added from the
    /// second segment on (at the dt the default clock runs at so far), its
    /// time typed in its cell (an empty one refused there), summed up in the
    /// segments' table, never treated as values, removed, every step undone.
    void dtChangesAreAddedFromTheSecondSegment() {
        load(readModel(kChangesModel));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        const std::string before = writeModelJson(model());
        const int steps = undoStack()->index();
        segments()->selectSegment(0);
        QVERIFY(!changes()->addDtButton()->isEnabled());
        segments()->selectSegment(1);
        QVERIFY(changes()->addDtButton()->isEnabled());
        QVERIFY(changes()->addDtButton()->toolTip().contains("defaultclock.dt"));

        changes()->addDtButton()->click();
        QCOMPARE(undoStack()->index(), steps + 1);
        QCOMPARE(model().protocol[1].set.size(), size_t(1));
        QVERIFY(model().protocol[1].set[0].changesDt());
        QVERIFY(!model().protocol[1].set[0].setsValues());
        QCOMPARE(model().protocol[1].set[0].dt, std::string("0.1*ms"));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ObjectColumn), QString("clock"));
        QVERIFY(changes()->table()->item(0, 0)->toolTip().startsWith("defaultclock.dt = 0.1*ms"));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::VariableColumn), QString("dt"));
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ValueColumn), QString("0.1*ms"));
        for (const int column :
             {ProtocolChangesTable::ObjectColumn, ProtocolChangesTable::VariableColumn,
              ProtocolChangesTable::ElementsColumn})
            QVERIFY(!(changes()->table()->item(0, column)->flags() & Qt::ItemIsEditable));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, "0.05*ms");
        QCOMPARE(undoStack()->index(), steps + 2);
        QCOMPARE(model().protocol[1].set[0].dt, std::string("0.05*ms"));
        QVERIFY(model().protocol[1].set[0].object.empty());
        QVERIFY(model().protocol[1].set[0].assignment.value.empty());
        QCOMPARE(cell(changes(), 0, ProtocolChangesTable::ValueColumn), QString("0.05*ms"));
        QCOMPARE(cell(segments(), 1, ProtocolSegmentsTable::ChangesColumn),
                 QString("dt = 0.05*ms"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // Not values: no numbers for it, no array editor.
        changes()->table()->setCurrentCell(0, ProtocolChangesTable::ValueColumn);
        changes()->numbersButton()->click();
        QCOMPARE(undoStack()->index(), steps + 2);
        QVERIFY(!model().protocol[1].set[0].assignment.hasValues);
        QVERIFY(!changes()->arrayEditor()->isVisible());

        editCell(changes(), 0, ProtocolChangesTable::ValueColumn, ""); // refused in its cell
        QVERIFY2(changes()->problemText().contains("a dt change needs a time step"),
                 qPrintable(changes()->problemText()));
        QCOMPARE(model().protocol[1].set[0].dt, std::string("0.05*ms"));
        QCOMPARE(undoStack()->index(), steps + 2);

        // A later segment's new row starts from the dt in effect there.
        segments()->addButton()->click();
        QCOMPARE(segments()->selectedSegment(), 2);
        changes()->addDtButton()->click();
        QCOMPARE(model().protocol[2].set[0].dt, std::string("0.05*ms"));
        undoStack()->undo();
        undoStack()->undo();
        QCOMPARE(model().protocol.size(), size_t(2));

        segments()->selectSegment(1);
        changes()->table()->setCurrentCell(0, 0);
        changes()->removeButton()->click();
        QVERIFY(model().protocol[1].set.empty());
        undoStack()->undo();
        QCOMPARE(model().protocol[1].set[0].dt, std::string("0.05*ms"));
        undoStack()->undo();
        QCOMPARE(model().protocol[1].set[0].dt, std::string("0.1*ms"));
        undoStack()->undo();
        QCOMPARE(undoStack()->index(), steps);
        QCOMPARE(writeModelJson(model()), before);
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    /// Brian2's check_dt: a dt that the segment's start is no whole number of
    /// steps of is refused by the checker at that row's value; a fitting one
    /// typed there runs.
    void aDtChangeTheCheckerRefusesIsMarkedAtItsRow() {
        load(readModel(R"({"format": "spikestudio-model", "version": 1, "dt": "0.1*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 2,
              "equations": "dv/dt = (I - v)/(10*ms) : 1\nI : 1"}],
  "protocol": [{"duration": "1.03*ms"},
               {"duration": "1*ms", "set": [{"object": "G", "variable": "I", "value": "1"},
                                            {"dt": "0.3*ms"}]}]})"));
        segments()->selectSegment(1);
        QTRY_VERIFY2(changes()->problemText().contains("not a whole number of steps of"),
                     qPrintable(changes()->problemText()));
        QVERIFY(changes()->problemText().contains("0.00103 s"));
        QVERIFY(!window_->diagnostics()->canRun());
        QVERIFY(changes()->table()->item(1, ProtocolChangesTable::ValueColumn)->background() !=
                QBrush());
        QVERIFY(changes()->table()->item(0, ProtocolChangesTable::ValueColumn)->background() ==
                QBrush());
        QVERIFY(segments()->problemText().contains("segment 2: "));

        editCell(changes(), 1, ProtocolChangesTable::ValueColumn, "0.01*ms"); // 103 steps
        QCOMPARE(model().protocol[1].set[1].dt, std::string("0.01*ms"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(changes()->problemText().isEmpty());
        QVERIFY(changes()->table()->item(1, ProtocolChangesTable::ValueColumn)->background() ==
                QBrush());
    }

    /// A protocol whose second segment halves the default clock's dt runs to
    /// its end, the StateMonitor recording at the new step from there on.
    void aModelWithADtChangeRuns() {
        Model changed = protocolModel();
        ProtocolChange dt;
        dt.dt = "0.05*ms";
        changed.protocol[1].set.push_back(dt);
        load(changed);
        QTRY_VERIFY(window_->diagnostics()->canRun());
        RunView& run = *window_->runView();
        QSignalSpy ended(&run, &RunView::runEnded);
        run.run();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(run.controller().state(), RunController::State::Finished);
        // 30 ms at 0.1 ms, then 20 ms and 10 ms at 0.05 ms.
        QCOMPARE(run.controller().network()->stateRecords().front().times.size(),
                 size_t(300 + 400 + 200));
    }

    /// Removing the first segment makes its successor's dt change the model's dt.
    void removingTheFirstSegmentMakesItsSuccessorsDtTheModels() {
        Model changed = protocolModel();
        ProtocolChange dt;
        dt.dt = "0.05*ms";
        changed.protocol[1].set.push_back(dt);
        load(changed);
        segments()->table()->setCurrentCell(0, 0);
        segments()->removeButton()->click();
        QCOMPARE(model().dt, std::string("0.05*ms"));
        QCOMPARE(model().protocol.size(), size_t(2));
        QVERIFY(model().protocol[0].set.empty());
        QTRY_VERIFY(window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(model().dt, std::string("0.1*ms"));
        QVERIFY(model().protocol[1].set[1].changesDt());
    }

    /// Removing the first segment moves a seed that came before values into
    /// the initial values with them; one after the last values stays.
    void removingTheFirstSegmentKeepsSeedsWithTheirValues() {
        Model changed = protocolModel();
        std::vector<ProtocolChange>& set = changed.protocol[1].set;
        set.insert(set.begin(), ProtocolChange::seedEntry(Reseed{13579}));
        set.push_back(ProtocolChange::seedEntry(Reseed{}));
        load(changed);
        segments()->table()->setCurrentCell(0, 0);
        segments()->removeButton()->click();
        const GroupSpec& group = model().groups[0];
        const std::vector<AssignmentSpec> initial =
            InitialValues::list(group.initial, group.assignments);
        QCOMPARE(initial.size(), size_t(3));
        QCOMPARE(initial[1].reseed->seed, std::optional<std::uint32_t>(13579));
        QCOMPARE(initial[2].variable, std::string("I"));
        QCOMPARE(model().protocol[0].set.size(), size_t(1));
        QVERIFY(model().protocol[0].set[0].reseeds() && !model().protocol[0].set[0].reseed->seed);
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    /// Removing the first segment makes its successor's constant and switch
    /// what holds before the run.
    void removingTheFirstSegmentKeepsConstantsAndSwitches() {
        Model changed = readModel(kChangesModel);
        ProtocolChange constant;
        constant.constant = "tau";
        constant.assignment.value = "5*ms";
        ProtocolChange off;
        off.object = "spikes";
        off.active = false;
        changed.protocol.push_back({"5*ms", {constant, off}});
        load(changed);
        segments()->table()->setCurrentCell(0, 0);
        segments()->removeButton()->click();
        segments()->table()->setCurrentCell(0, 0);
        segments()->removeButton()->click();
        QVERIFY(model().protocol.empty() || model().protocol[0].set.empty());
        QCOMPARE(model().constants[0].second, std::string("5*ms"));
        QVERIFY(!model().monitors[0].active);
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    void removingTheFirstSegmentKeepsItsSuccessorsValuesAsInitialValues() {
        load(protocolModel());
        segments()->table()->setCurrentCell(0, 0);
        segments()->removeButton()->click();
        QCOMPARE(model().protocol.size(), size_t(2));
        QVERIFY(model().protocol[0].set.empty()); // I = 0 is now what holds before the run
        const GroupSpec& group = model().groups[0];
        const std::vector<AssignmentSpec> initial =
            InitialValues::list(group.initial, group.assignments);
        QCOMPARE(initial.size(), size_t(2));
        QCOMPARE(initial[0].value, std::string("1.5"));
        QCOMPARE(initial[1].variable, std::string("I"));
        QCOMPARE(initial[1].value, std::string("0"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(model().protocol.size(), size_t(3));
        QCOMPARE(model().groups[0].initial[0].second, std::string("1.5"));
    }

    void badDurationsAreRefusedNamingTheSegment() {
        load(protocolModel());
        QTRY_VERIFY(window_->diagnostics()->canRun());
        // Empty text is not stored.
        editCell(segments(), 1, ProtocolSegmentsTable::DurationColumn, " ");
        QCOMPARE(model().protocol[1].duration, std::string("20*ms"));
        QCOMPARE(segments()->problemText(),
                 QString("segment 2: a segment needs a duration, such as 100*ms"));
        // A negative time and a voltage are stored, and the checker refuses them.
        editCell(segments(), 1, ProtocolSegmentsTable::DurationColumn, "-5*ms");
        QCOMPARE(model().protocol[1].duration, std::string("-5*ms"));
        QTRY_COMPARE(segments()->problemText(),
                     QString("segment 2: '-5*ms' must be a non-negative finite time"));
        QVERIFY(!window_->diagnostics()->canRun());
        QVERIFY(segments()->table()->item(1, ProtocolSegmentsTable::DurationColumn)->background() !=
                QBrush());
        window_->inspector()->showObject({});
        QCOMPARE(durationField()->text(),
                 QString("not known until every segment's duration checks in 3 segments"));
        undoStack()->undo();
        editCell(segments(), 2, ProtocolSegmentsTable::DurationColumn, "5*mV");
        QTRY_VERIFY(segments()->problemText().startsWith("segment 3: DimensionMismatchError"));
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(segments()->problemText().isEmpty());

        // A bad value set before a segment marks its cell in the values table.
        segments()->selectSegment(2);
        editCell(changes(), 0, ProtocolChangesTable::VariableColumn, "u");
        QTRY_VERIFY(changes()->problemText().contains("G: "));
        QVERIFY(changes()->problemText().contains("'u'"));
        QVERIFY(segments()->problemText().contains("segment 3: "));
    }

    void aDurationBesideAProtocolIsShownAndCanBeRemoved() {
        Model both = protocolModel();
        both.duration = "60*ms";
        load(both);
        QTRY_VERIFY(editor()->problemText().contains("leave 'duration' out"));
        window_->inspector()->showObject({});
        QVERIFY(!durationField()->editor()->isReadOnly()); // so that it can be emptied
    }

    void segmentBoundariesAreMarkedOnLiveAndStoredPlots() {
        load(protocolModel());
        QTRY_VERIFY(window_->diagnostics()->canRun());
        RunView& run = *window_->runView();
        QSignalSpy ended(&run, &RunView::runEnded);
        run.run();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        QCOMPARE(run.controller().state(), RunController::State::Finished);
        const QCustomPlot& live = *run.livePlot().plot();
        // Raster, rate and trace each marked where segments 2 and 3 start.
        QCOMPARE(itemsNamed(live, "segmentBoundary:2"), 3);
        QCOMPARE(itemsNamed(live, "segmentBoundary:3"), 3);
        QCOMPARE(itemsNamed(live, "segmentLabel:3"), 3);
        QCOMPARE(itemsNamed(live, "segmentBoundary:1"), 0); // the first starts at the axis
        QCOMPARE(itemTime(live, "segmentBoundary:2"), 0.03);
        QCOMPARE(itemTime(live, "segmentBoundary:3"), 0.05);

        // The stored figure of the same run.
        QCustomPlot figure;
        FigureContent content =
            FigureContent::of(run.controller().network()->results(), 0.06, "run");
        content.segmentStarts = ProtocolTimes::starts(model());
        ResultFigure::build(figure, content);
        QCOMPARE(itemsNamed(figure, "segmentBoundary:2"), 3);
        QCOMPARE(itemTime(figure, "segmentBoundary:3"), 0.05);

        // A model without a protocol gets no marks.
        load(readModel(kModel));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        run.run();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 60000);
        QCOMPARE(live.itemCount(), 0);
    }

    void pictureOfTheProtocolEditor() {
        const QString path =
            qEnvironmentVariableIsSet("SPIKESTUDIO_UPDATE_DOCS")
                ? QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/docs/protocol-editor.png")
                : dir_.filePath("protocol-editor.png");
        load(protocolModel());
        QTRY_VERIFY(window_->diagnostics()->canRun());
        RunView& run = *window_->runView();
        QSignalSpy ended(&run, &RunView::runEnded);
        run.run();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        segments()->selectSegment(2);
        window_->inspector()->showObject({});
        QTest::qWait(200); // the queued replot
        const QImage picture = window_->grab().toImage();
        QVERIFY(picture.save(path));
        QVERIFY(picture.width() >= 1000);
    }
};

QTEST_MAIN(TestGuiProtocol)
#include "tst_gui_protocol.moc"
