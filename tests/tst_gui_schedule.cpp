// The scheduling editors of the inspector driven through their widgets,
// offscreen: a group's and a Synapses object's `active` and `order`, a
// SpikeGeneratorGroup's `when`, a group's and a Synapses object's
// run_regularly table (add, edit, bad text refused, the checker's message at
// its cell, remove) and the
// monitors' when/order/active, each step undone.
#include "MainWindow.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "inspector/InspectorPanel.h"
#include "inspector/MonitorScheduleSection.h"
#include "inspector/RunRegularlySection.h"
#include "inspector/ScheduleSection.h"
#include "inspector/TableSection.h"
#include "model/ModelReader.h"
#include "support/CellEditing.h"
#include "support/QuietMainWindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>
#include <limits>
#include <memory>

using namespace spikestudio;

namespace {

const char* const kModel = R"({"format": "spikestudio-model", "version": 1,
  "name": "scheduled", "dt": "0.1*ms", "duration": "20*ms",
  "groups": [{"name": "G", "type": "NeuronGroup", "N": 10,
              "equations": "dv/dt = (I - v)/(10*ms) : 1\nI : 1",
              "threshold": "v > 1", "reset": "v = 0", "method": "euler",
              "subgroups": [{"name": "Ge", "start": 0, "stop": 8}]},
             {"name": "Gen", "type": "SpikeGeneratorGroup", "N": 2,
              "indices": [0, 1], "times": ["1*ms", "2*ms"]}],
  "synapses": [{"name": "S", "source": "Gen", "target": "G", "model": "w : 1",
                "on_pre": "v += 0.5"}],
  "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"},
               {"name": "rate", "type": "PopulationRateMonitor", "source": "G"},
               {"name": "trace", "type": "StateMonitor", "source": "G",
                "variables": ["v"], "record": [0]}]
})";

} // namespace

class TestGuiSchedule : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;

    const Model& model() { return window_->document()->model(); }
    QUndoStack* undoStack() { return window_->document()->undoStack(); }
    template <typename Section> Section* section(const QString& name) {
        return window_->inspector()->findChild<Section*>("section:" + name);
    }
    ScheduleSection* schedule() { return section<ScheduleSection>("schedule"); }
    RunRegularlySection* runRegularly() { return section<RunRegularlySection>("runRegularly"); }
    MonitorScheduleSection* monitors() {
        return section<MonitorScheduleSection>("monitorSchedule");
    }

    void select(const ObjectRef& object) { window_->inspector()->showObject(object); }

    /// Types into a table cell as a user would: open its editor, replace, Enter.
    /// Picks `choice` in a cell edited with a drop-down.
    void chooseInCell(TableSection* table, int row, int column, const QString& choice) {
        QTableWidget* widget = table->table();
        QTableWidgetItem* item = widget->item(row, column);
        QVERIFY(item && (item->flags() & Qt::ItemIsEditable));
        widget->setCurrentItem(item);
        widget->editItem(item);
        auto* combo = qobject_cast<QComboBox*>(widget->indexWidget(widget->currentIndex()));
        QVERIFY(combo);
        QVERIFY(combo->findText(choice) >= 0);
        combo->setCurrentText(choice);
        QTest::keyClick(combo, Qt::Key_Return); // the delegate commits and closes
        QCoreApplication::processEvents();
    }

    /// Clicks the check box of a cell as a user would.
    void clickCheck(TableSection* table, int row, int column) {
        QTableWidget* widget = table->table();
        QTableWidgetItem* item = widget->item(row, column);
        QVERIFY(item && (item->flags() & Qt::ItemIsUserCheckable));
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        window_ = showQuietMainWindow();
        QVERIFY(window_);
        window_->action("new")->trigger();
        window_->document()->load(readModel(kModel), QString());
        window_->diagnostics()->checkNow();
        QVERIFY(window_->diagnostics()->canRun());
    }

    void cleanup() { window_.reset(); }

    void aGroupIsDeactivatedAndReorderedWithUndo() {
        select(ObjectRef::group("G"));
        QVERIFY(schedule() && schedule()->isVisible());
        QVERIFY(schedule()->activeBox()->isChecked());
        QVERIFY(!schedule()->whenChooser()->isVisible()); // Brian2's NeuronGroup has no when
        QVERIFY(schedule()->orderBox()->isVisible());
        QCOMPARE(schedule()->orderBox()->text(), QString("default (0)"));

        schedule()->activeBox()->click();
        QCOMPARE(model().groups[0].active, false);
        QCOMPARE(undoStack()->undoText(), QString("Deactivate G"));
        undoStack()->undo();
        QCOMPARE(model().groups[0].active, true);
        QVERIFY(schedule()->activeBox()->isChecked());
        undoStack()->redo();
        QVERIFY(!schedule()->activeBox()->isChecked());
        undoStack()->undo();

        schedule()->orderBox()->setValue(2);
        QCOMPARE(model().groups[0].order, std::optional<long long>(2));
        schedule()->orderBox()->setValue(std::numeric_limits<int>::min()); // back to the default
        QCOMPARE(model().groups[0].order, std::nullopt);
        undoStack()->undo();
        QCOMPARE(model().groups[0].order, std::optional<long long>(2));
        QCOMPARE(schedule()->orderBox()->value(), 2);
        undoStack()->undo();
        QCOMPARE(model().groups[0].order, std::nullopt);
    }

    void aSpikeGeneratorChoosesItsSlot() {
        select(ObjectRef::group("Gen"));
        QComboBox* when = schedule()->whenChooser();
        QVERIFY(when->isVisible());
        QCOMPARE(when->currentText(), QString("default (thresholds)"));
        QCOMPARE(when->count(), 19); // the default and Brian2's 18 slots
        when->setCurrentIndex(when->findText("after_end"));
        emit when->activated(when->currentIndex());
        QCOMPARE(model().groups[1].when, std::string("after_end"));
        undoStack()->undo();
        QCOMPARE(model().groups[1].when, std::string());
        QCOMPARE(when->currentText(), QString("default (thresholds)"));

        // A slot the model names wrongly stays visible, with the checker's message.
        window_->document()->load(
            [] {
                Model model = readModel(kModel);
                model.groups[1].when = "ends";
                return model;
            }(),
            QString());
        window_->diagnostics()->checkNow();
        select(ObjectRef::group("Gen"));
        QCOMPARE(schedule()->whenChooser()->currentText(), QString("ends"));
        QVERIFY(schedule()->problemText().startsWith("when: unknown schedule slot 'ends'"));
    }

    void synapsesAreDeactivatedWithUndo() {
        select(ObjectRef::synapses("S"));
        QVERIFY(schedule()->isVisible());
        QVERIFY(!schedule()->whenChooser()->isVisible());
        schedule()->activeBox()->click();
        QCOMPARE(model().synapses[0].active, false);
        schedule()->orderBox()->setValue(-3);
        QCOMPARE(model().synapses[0].order, std::optional<long long>(-3));
        undoStack()->undo();
        undoStack()->undo();
        QCOMPARE(model().synapses[0].active, true);
        QCOMPARE(model().synapses[0].order, std::nullopt);
    }

    /// S.run_regularly: the same table without the subgroup column; the code
    /// may write the synapses' own and their groups' variables.
    void synapsesRunRegularlyIsAddedAndChecked() {
        select(ObjectRef::synapses("S"));
        RunRegularlySection* table = runRegularly();
        QVERIFY(table && table->isVisible());
        QVERIFY(table->table()->isColumnHidden(RunRegularlySection::SubgroupColumn));
        table->addButton()->click();
        QCOMPARE(model().synapses[0].runRegularly.size(), size_t(1));
        QCOMPARE(model().synapses[0].runRegularly[0].code, std::string("w = w"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(table, 0, RunRegularlySection::CodeColumn, "w = 0.9*w; I_post += w");
        QCOMPARE(model().synapses[0].runRegularly[0].code, std::string("w = 0.9*w\nI_post += w"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(table, 0, RunRegularlySection::CodeColumn, "u = 1");
        QTRY_VERIFY(table->problemText().contains("'u' is not a variable of 'S' or its groups"));
        QVERIFY(!window_->diagnostics()->canRun());
        while (undoStack()->canUndo())
            undoStack()->undo();
        QVERIFY(model().synapses[0].runRegularly.empty());
        // A group's table shows its subgroup column again.
        select(ObjectRef::group("G"));
        QVERIFY(!table->table()->isColumnHidden(RunRegularlySection::SubgroupColumn));
    }

    void runRegularlyIsAddedEditedCheckedAndRemoved() {
        select(ObjectRef::group("G"));
        RunRegularlySection* table = runRegularly();
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->table()->rowCount(), 0);
        table->addButton()->click();
        QCOMPARE(model().groups[0].runRegularly.size(), size_t(1));
        QCOMPARE(model().groups[0].runRegularly[0].code, std::string("v = v"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(table, 0, RunRegularlySection::CodeColumn, "v = rand(); I += 0.1");
        QCOMPARE(model().groups[0].runRegularly[0].code, std::string("v = rand()\nI += 0.1"));
        editCell(table, 0, RunRegularlySection::DtColumn, "2.5*ms");
        QCOMPARE(model().groups[0].runRegularly[0].dt, std::string("2.5*ms"));
        chooseInCell(table, 0, RunRegularlySection::WhenColumn, "end");
        QCOMPARE(model().groups[0].runRegularly[0].when, std::string("end"));
        editCell(table, 0, RunRegularlySection::OrderColumn, "3");
        QCOMPARE(model().groups[0].runRegularly[0].order, std::optional<long long>(3));
        editCell(table, 0, RunRegularlySection::NameColumn, "kick");
        QCOMPARE(model().groups[0].runRegularly[0].name, std::string("kick"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        // Where it runs: the whole group, or one of its subgroups from the list.
        QCOMPARE(table->table()->item(0, RunRegularlySection::SubgroupColumn)->text(),
                 QString("whole group"));
        chooseInCell(table, 0, RunRegularlySection::SubgroupColumn, "Ge");
        QCOMPARE(model().groups[0].runRegularly[0].subgroup, std::string("Ge"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        chooseInCell(table, 0, RunRegularlySection::SubgroupColumn, "whole group");
        QCOMPARE(model().groups[0].runRegularly[0].subgroup, std::string());
        undoStack()->undo();
        QCOMPARE(model().groups[0].runRegularly[0].subgroup, std::string("Ge"));

        // Not stored: an order that is no whole number, empty code.
        editCell(table, 0, RunRegularlySection::OrderColumn, "two");
        QCOMPARE(model().groups[0].runRegularly[0].order, std::optional<long long>(3));
        QVERIFY(table->problemText().contains("an order is a whole number"));
        editCell(table, 0, RunRegularlySection::CodeColumn, " ");
        QCOMPARE(model().groups[0].runRegularly[0].code, std::string("v = rand()\nI += 0.1"));
        QVERIFY(table->problemText().contains("run_regularly needs code"));

        // Stored, and refused by the checker at its cell.
        editCell(table, 0, RunRegularlySection::CodeColumn, "u = 1");
        QTRY_VERIFY(table->problemText().contains("'u' is not a variable of 'G'"));
        QVERIFY(table->table()->item(0, RunRegularlySection::CodeColumn)->background() != QBrush());
        QVERIFY(!window_->diagnostics()->canRun());
        undoStack()->undo();
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(table->problemText().isEmpty());

        table->table()->setCurrentCell(0, 0);
        table->removeButton()->click();
        QVERIFY(model().groups[0].runRegularly.empty());
        undoStack()->undo();
        QCOMPARE(model().groups[0].runRegularly[0].name, std::string("kick"));
        while (undoStack()->canUndo())
            undoStack()->undo();
        QVERIFY(model().groups[0].runRegularly.empty());
    }

    void longCodeLeavesTheLastColumnInView() {
        // A column is at most about 24 characters wide (the full text is
        // the cell's tooltip): long code does not push "On" out of view.
        select(ObjectRef::group("G"));
        RunRegularlySection* table = runRegularly();
        table->addButton()->click();
        const QString code = "v = v + 0.001*(rand() - 0.5) + 0.002*(rand() - 0.5) + "
                             "0.003*(rand() - 0.5) + 0.004*(rand() - 0.5)";
        editCell(table, 0, RunRegularlySection::CodeColumn, code);
        QTableWidget* widget = table->table();
        QCOMPARE(widget->item(0, RunRegularlySection::CodeColumn)->toolTip(), code);
        const int on = RunRegularlySection::SubgroupColumn;
        QTRY_VERIFY(widget->columnViewportPosition(on) + widget->columnWidth(on) / 2 <
                    widget->viewport()->width());
    }

    void monitorsAreScheduledAndDeactivated() {
        select(ObjectRef::group("G"));
        MonitorScheduleSection* table = monitors();
        QVERIFY(table && table->isVisible());
        QCOMPARE(table->table()->rowCount(), 3);
        QCOMPARE(table->table()->item(1, 0)->text(), QString("rate"));
        // A PopulationRateMonitor takes neither when nor order, only active.
        QVERIFY(!(table->table()->item(1, MonitorScheduleSection::WhenColumn)->flags() &
                  Qt::ItemIsEditable));
        QVERIFY(!(table->table()->item(1, MonitorScheduleSection::OrderColumn)->flags() &
                  Qt::ItemIsEditable));

        clickCheck(table, 1, MonitorScheduleSection::ActiveColumn);
        QCOMPARE(model().monitors[1].active, false);
        QCOMPARE(table->table()->item(1, MonitorScheduleSection::ActiveColumn)->checkState(),
                 Qt::Unchecked);
        undoStack()->undo();
        QCOMPARE(model().monitors[1].active, true);
        QCOMPARE(table->table()->item(1, MonitorScheduleSection::ActiveColumn)->checkState(),
                 Qt::Checked);

        // A SpikeMonitor's order needs a when, as in Brian2.
        editCell(table, 0, MonitorScheduleSection::OrderColumn, "1");
        QCOMPARE(model().monitors[0].order, std::optional<long long>(1));
        QTRY_VERIFY(table->problemText().contains("an 'order' needs a 'when'"));
        chooseInCell(table, 0, MonitorScheduleSection::WhenColumn, "end");
        QCOMPARE(model().monitors[0].when, std::string("end"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(table->problemText().isEmpty());
        chooseInCell(table, 0, MonitorScheduleSection::WhenColumn, "default");
        QCOMPARE(model().monitors[0].when, std::string());
        undoStack()->undo();
        undoStack()->undo();
        undoStack()->undo();
        QCOMPARE(model().monitors[0].order, std::nullopt);
        QCOMPARE(table->table()->item(0, MonitorScheduleSection::OrderColumn)->text(),
                 QString("default"));
    }

    // The group inspector's scheduling sections as a user sees them, saved as
    // docs/scheduling-editors.png with SPIKESTUDIO_UPDATE_DOCS set.
    void pictureOfTheSchedulingEditors() {
        if (!qEnvironmentVariableIsSet("SPIKESTUDIO_UPDATE_DOCS"))
            QSKIP("set SPIKESTUDIO_UPDATE_DOCS to refresh docs/scheduling-editors.png");
        Model model = readModel(kModel);
        model.groups[0].order = 2;
        model.groups[0].runRegularly = {{"", "I = rand()", "5*ms", "", std::nullopt},
                                        {"jitter", "v += 0.1*randn()", "0.25*ms", "end", 1}};
        model.monitors[0].when = "end";
        model.monitors[1].active = false;
        window_->document()->load(model, QString());
        select(ObjectRef::group("G"));
        for (const char* folded : {"subgroups", "initial", "monitors"})
            section<TableSection>(folded)->setExpanded(false);
        window_->inspector()->resize(460, 900);
        QTest::qWait(100);
        QWidget* content = schedule()->parentWidget();
        const int top = section<TableSection>("monitors")->y();
        const QImage picture =
            content->grab(QRect(0, top, content->width(), content->height() - top)).toImage();
        QVERIFY(
            picture.save(QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/docs/scheduling-editors.png")));
    }
};

QTEST_MAIN(TestGuiSchedule)
#include "tst_gui_schedule.moc"
