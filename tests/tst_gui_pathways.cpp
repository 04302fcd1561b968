// The synapse inspector's Pathways table driven through its widgets,
// offscreen: a pathway added, its code and direction edited (a direction
// that mixes with on_pre marks its cell with the checker's message), removed,
// each step undone and redone.
#include "MainWindow.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkView.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "inspector/InspectorPanel.h"
#include "inspector/TableSection.h"
#include "support/CellEditing.h"
#include "support/QuietMainWindow.h"

#include <QAction>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace spikestudio;

class TestGuiPathways : public QObject {
    Q_OBJECT

    std::unique_ptr<MainWindow> window_;

    const Model& model() { return window_->document()->model(); }
    QUndoStack* undoStack() { return window_->document()->undoStack(); }
    TableSection* section(const QString& name) {
        return window_->inspector()->findChild<TableSection*>("section:" + name);
    }

    void clickNode(const QString& name) {
        GroupNodeItem* node = window_->scene()->node(name);
        QVERIFY(node);
        QTest::mouseClick(window_->view()->viewport(), Qt::LeftButton, {},
                          window_->view()->mapFromScene(node->scenePos()));
    }

    /// Types into a table cell as a user would: open its editor, replace, Enter.
    bool cellMarked(TableSection* table, int row, int column) {
        return table->table()->item(row, column)->background() != QBrush();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        window_ = showQuietMainWindow();
        QVERIFY(window_);
        window_->action("new")->trigger();
    }

    void cleanup() { window_.reset(); }

    void pathwaysAreAddedEditedCheckedAndUndone() {
        window_->action("addNeuronGroup")->trigger();
        window_->action("addNeuronGroup")->trigger();
        window_->action("connect")->trigger();
        clickNode("G1");
        clickNode("G2");
        QCOMPARE(window_->inspector()->object().kind, ObjectRef::Kind::Synapses);
        TableSection* pathways = section("pathways");
        QVERIFY(pathways && pathways->isVisible());
        QCOMPARE(pathways->table()->rowCount(), 0);

        // With on_pre set, a new pathway listens to the target's spikes.
        pathways->addButton()->click();
        QCOMPARE(model().synapses[0].pathways.size(), size_t(1));
        QCOMPARE(model().synapses[0].pathways[0].name, std::string("pathway1"));
        QCOMPARE(model().synapses[0].pathways[0].direction, std::string("post"));
        QCOMPARE(pathways->table()->rowCount(), 1);

        editCell(pathways, 0, 2, "v_pre += 1*mV; v_post -= 1*mV");
        QCOMPARE(model().synapses[0].pathways[0].code,
                 std::string("v_pre += 1*mV\nv_post -= 1*mV"));
        QCOMPARE(pathways->table()->item(0, 2)->text(), QString("v_pre += 1*mV; v_post -= 1*mV"));
        editCell(pathways, 0, 3, "2*ms");
        QCOMPARE(model().synapses[0].pathways[0].delay, std::string("2*ms"));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        editCell(pathways, 0, 1, "pre"); // on_pre and a pre pathway do not mix
        QCOMPARE(model().synapses[0].pathways[0].direction, std::string("pre"));
        QTRY_VERIFY(pathways->problemText().contains("cannot be combined"));
        QVERIFY(cellMarked(pathways, 0, 1));
        QVERIFY(!window_->diagnostics()->canRun());

        undoStack()->undo();
        QCOMPARE(model().synapses[0].pathways[0].direction, std::string("post"));
        QCOMPARE(pathways->table()->item(0, 1)->text(), QString("post"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(!cellMarked(pathways, 0, 1));
        undoStack()->redo();
        QCOMPARE(model().synapses[0].pathways[0].direction, std::string("pre"));
        undoStack()->undo();

        pathways->table()->setCurrentCell(0, 0);
        pathways->removeButton()->click();
        QVERIFY(model().synapses[0].pathways.empty());
        QCOMPARE(pathways->table()->rowCount(), 0);
        undoStack()->undo();
        QCOMPARE(model().synapses[0].pathways[0].delay, std::string("2*ms"));
    }

    void emptyNameIsRefusedInTheCell() {
        window_->action("addNeuronGroup")->trigger();
        window_->action("connect")->trigger();
        clickNode("G1");
        clickNode("G1");
        TableSection* pathways = section("pathways");
        QVERIFY(pathways && pathways->isVisible());
        pathways->addButton()->click();
        editCell(pathways, 0, 0, " ");
        QCOMPARE(model().synapses[0].pathways[0].name, std::string("pathway1"));
        QVERIFY(cellMarked(pathways, 0, 0));
    }
};

QTEST_MAIN(TestGuiPathways)
#include "tst_gui_pathways.moc"
