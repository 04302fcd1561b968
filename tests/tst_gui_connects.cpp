// The synapse inspector's Connect calls table driven through its widgets,
// offscreen: a second connect() call added, made index arrays and edited (an
// index outside the target marks its cell with the checker's message), the
// first removed, each step undone; the only call cannot be removed; a
// generator gives the index of the column it is typed in.
#include "MainWindow.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkView.h"
#include "canvas/SynapsesArrowItem.h"
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

class TestGuiConnects : public QObject {
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

    /// Two new groups joined by new synapses, which the inspector then shows.
    void connectTwoGroups() {
        window_->action("addNeuronGroup")->trigger();
        window_->action("addNeuronGroup")->trigger();
        window_->action("connect")->trigger();
        clickNode("G1");
        clickNode("G2");
    }

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

    void callsAreAddedEditedCheckedRemovedAndUndone() {
        connectTwoGroups();
        QCOMPARE(window_->inspector()->object().kind, ObjectRef::Kind::Synapses);
        TableSection* calls = section("connects");
        QVERIFY(calls && calls->isVisible());
        QCOMPARE(calls->table()->rowCount(), 1);
        QCOMPARE(calls->table()->item(0, 2)->text(), QString("0.1"));

        // The only call cannot be removed.
        calls->table()->setCurrentCell(0, 0);
        calls->removeButton()->click();
        QCOMPARE(calls->table()->rowCount(), 1);
        QVERIFY(cellMarked(calls, 0, 0));

        calls->addButton()->click();
        QCOMPARE(model().synapses[0].laterConnects.size(), size_t(1));
        QCOMPARE(calls->table()->rowCount(), 2);
        editCell(calls, 1, 0, "arrays");
        QCOMPARE(model().synapses[0].laterConnects[0].form, ConnectSpec::Form::Arrays);
        QVERIFY(!(calls->table()->item(1, 6)->flags() & Qt::ItemIsEditable));
        editCell(calls, 1, 4, "0, 1");
        editCell(calls, 1, 5, "2, 3");
        QCOMPARE(model().synapses[0].laterConnects[0].j, (std::vector<long long>{2, 3}));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(calls, 0, 6, "yes");
        QVERIFY(model().synapses[0].connect.skipIfInvalid);

        // An index outside G2: the checker's message marks the cell of that call.
        editCell(calls, 1, 5, "2, 100");
        QTRY_VERIFY(calls->problemText().contains("outside the range [0, 99]"));
        QVERIFY(cellMarked(calls, 1, 5));
        QVERIFY(!window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(model().synapses[0].laterConnects[0].j, (std::vector<long long>{2, 3}));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(!cellMarked(calls, 1, 5));

        // Removing the first call makes the second the first.
        calls->table()->setCurrentCell(0, 1);
        calls->removeButton()->click();
        QCOMPARE(calls->table()->rowCount(), 1);
        QCOMPARE(model().synapses[0].connect.form, ConnectSpec::Form::Arrays);
        QVERIFY(model().synapses[0].laterConnects.empty());
        undoStack()->undo();
        QCOMPARE(calls->table()->rowCount(), 2);
        QCOMPARE(model().synapses[0].connect.p, std::string("0.1"));
        QCOMPARE(model().synapses[0].laterConnects[0].i, (std::vector<long long>{0, 1}));
    }

    /// A generator typed under i gives i for each target (Brian2's
    /// connect(i='...')); typed under j again, it gives j for each source.
    void aGeneratorTakesTheSideOfItsColumn() {
        connectTwoGroups();
        TableSection* calls = section("connects");
        QVERIFY(calls && calls->isVisible());
        editCell(calls, 0, 0, "generator");
        editCell(calls, 0, 4, "k for k in sample(N_pre, p=0.2)");
        const ConnectSpec& call = model().synapses[0].connect;
        QCOMPARE(call.form, ConnectSpec::Form::Generator);
        QVERIFY(call.overPostsynaptic);
        QCOMPARE(call.generator, std::string("k for k in sample(N_pre, p=0.2)"));
        QCOMPARE(calls->table()->item(0, 4)->text(), QString("k for k in sample(N_pre, p=0.2)"));
        QCOMPARE(calls->table()->item(0, 5)->text(), QString());
        // The arrow on the canvas names the index the generator gives.
        const SynapsesArrowItem* arrow =
            window_->scene()->arrow(QString::fromStdString(model().synapses[0].name));
        QVERIFY(arrow && arrow->toolTip().contains("i = k for k in sample(N_pre, p=0.2)"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        editCell(calls, 0, 5, "k for k in range(N_post) if k != i");
        QVERIFY(!model().synapses[0].connect.overPostsynaptic);
        QCOMPARE(calls->table()->item(0, 4)->text(), QString());
        undoStack()->undo();
        QVERIFY(model().synapses[0].connect.overPostsynaptic);
        QCOMPARE(calls->table()->item(0, 4)->text(), QString("k for k in sample(N_pre, p=0.2)"));
    }

    void aBadFormIsRefusedInTheCell() {
        window_->action("addNeuronGroup")->trigger();
        window_->action("connect")->trigger();
        clickNode("G1");
        clickNode("G1");
        TableSection* calls = section("connects");
        QVERIFY(calls && calls->isVisible());
        editCell(calls, 0, 0, "sideways");
        QCOMPARE(model().synapses[0].connect.form, ConnectSpec::Form::Rule);
        QVERIFY(cellMarked(calls, 0, 0));
    }
};

QTEST_MAIN(TestGuiConnects)
#include "tst_gui_connects.moc"
