// Subgroups in the desktop app, driven through the real widgets offscreen:
// the group inspector's Subgroups table (add, rename, edit, bad text, the
// checker's messages, undo), the source/target choosers offering subgroups,
// and the canvas drawing subgroups as bands that synapses attach to and are
// drawn from.
#include "MainWindow.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkScene.h"
#include "canvas/NetworkView.h"
#include "canvas/SynapsesArrowItem.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "inspector/InspectorPanel.h"
#include "inspector/TableSection.h"
#include "model/ModelWriter.h"
#include "support/CellEditing.h"
#include "support/QuietMainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

QString modelText(const Model& model) {
    return QString::fromStdString(writeModelJson(model));
}

double distance(QPointF a, QPointF b) {
    return QLineF(a, b).length();
}

const char* kSlicedModel = R"({"format": "spikestudio-model", "version": 1, "duration": "10*ms",
  "groups": [{"name": "P", "type": "NeuronGroup", "N": 1000,
              "equations": "dv/dt = -v/(10*ms) : volt", "threshold": "v > 1*mV", "reset": "v = 0*mV",
              "subgroups": [{"name": "Pe", "start": 0, "stop": 800},
                            {"name": "Pi", "start": 800, "stop": 1000}]},
             {"name": "Q", "type": "NeuronGroup", "N": 10, "equations": "dv/dt = -v/(10*ms) : volt"}],
  "synapses": [{"name": "Ce", "source": "Pe", "target": "Q", "on_pre": "v_post += 1*mV",
                "connect": {"p": 0.1}}],
  "monitors": [{"name": "spikes_i", "type": "SpikeMonitor", "source": "Pi"}]})";

} // namespace

class TestGuiSubgroups : public QObject {
    Q_OBJECT

    QTemporaryDir temporary_;
    std::unique_ptr<MainWindow> window_;

    const Model& model() { return window_->document()->model(); }
    QUndoStack* undoStack() { return window_->document()->undoStack(); }
    TableSection* section(const QString& name) {
        return window_->inspector()->findChild<TableSection*>("section:" + name);
    }

    void open(const char* json) {
        const QString path = temporary_.filePath("model.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
        file.close();
        QVERIFY(window_->openModelFile(path));
    }

    QPoint viewPoint(QPointF scenePoint) { return window_->view()->mapFromScene(scenePoint); }

    void click(QPointF scenePoint) {
        QTest::mouseClick(window_->view()->viewport(), Qt::LeftButton, {}, viewPoint(scenePoint));
    }

    QPointF bandCenter(const QString& group, const QString& subgroup) {
        GroupNodeItem* node = window_->scene()->node(group);
        return node->mapToScene(node->bandRect(subgroup).center());
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        window_ = showQuietMainWindow();
        QVERIFY(window_);
        window_->action("new")->trigger();
    }

    void cleanup() { window_.reset(); }

    void subgroupsAreAddedEditedCheckedAndUndone() {
        window_->action("addNeuronGroup")->trigger();
        click(window_->scene()->node("G1")->scenePos());
        TableSection* subgroups = section("subgroups");
        QVERIFY(subgroups && subgroups->isVisible());
        const QString empty = modelText(model());

        subgroups->addButton()->click(); // a free name over the whole group
        QCOMPARE(model().groups[0].subgroups.size(), size_t(1));
        QCOMPARE(model().groups[0].subgroups[0].start, 0LL);
        QCOMPARE(model().groups[0].subgroups[0].stop, 100LL);
        editCell(subgroups, 0, 0, "Ge");
        editCell(subgroups, 0, 2, "80");
        subgroups->addButton()->click(); // the rest of the group: 80 to 100
        editCell(subgroups, 1, 0, "Gi");
        const auto& list = model().groups[0].subgroups;
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(QString::fromStdString(list[0].name), QString("Ge"));
        QCOMPARE(list[0].stop, 80LL);
        QCOMPARE(QString::fromStdString(list[1].name), QString("Gi"));
        QCOMPARE(list[1].start, 80LL);
        QCOMPARE(list[1].stop, 100LL);
        QTRY_VERIFY(window_->diagnostics()->canRun());
        // The card shows both as bands, Ge four times as wide as Gi.
        GroupNodeItem* node = window_->scene()->node("G1");
        QCOMPARE(node->bands().size(), 2);
        QVERIFY(qAbs(node->bandRect("Ge").width() / node->bandRect("Gi").width() - 4.0) < 0.1);

        // Text that is no index is not stored; a subgroup beyond the group is
        // stored and reported by the checker at its cell.
        const QString before = modelText(model());
        editCell(subgroups, 1, 2, "a lot");
        QCOMPARE(modelText(model()), before);
        QVERIFY(subgroups->problemText().contains("'a lot' is not an element index"));
        editCell(subgroups, 1, 2, "150");
        QCOMPARE(model().groups[0].subgroups[1].stop, 150LL);
        QTRY_VERIFY(subgroups->problemText().contains("beyond the 100 elements"));
        QVERIFY(subgroups->table()->item(1, 2)->background() != QBrush());
        QVERIFY(!window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(model().groups[0].subgroups[1].stop, 100LL);
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(subgroups->problemText().isEmpty());

        // A name already used is refused.
        editCell(subgroups, 1, 0, "G1");
        QVERIFY(subgroups->problemText().contains("already used"));
        QCOMPARE(QString::fromStdString(model().groups[0].subgroups[1].name), QString("Gi"));

        // Removing is one step; undoing every step gives the model back.
        subgroups->table()->setCurrentCell(0, 0);
        subgroups->removeButton()->click();
        QCOMPARE(model().groups[0].subgroups.size(), size_t(1));
        QCOMPARE(node->bands().size(), 1);
        while (undoStack()->canUndo() && modelText(model()) != empty)
            undoStack()->undo();
        QCOMPARE(modelText(model()), empty);
        QCOMPARE(subgroups->table()->rowCount(), 0);
    }

    void renamingASubgroupRenamesWhatUsesIt() {
        open(kSlicedModel);
        click(window_->scene()->node("Q")->scenePos()); // the card, below the bands of P
        click(window_->scene()->node("P")->scenePos() + QPointF(0, -20));
        QCOMPARE(window_->inspector()->object(), ObjectRef::group("P"));
        TableSection* subgroups = section("subgroups");
        editCell(subgroups, 0, 0, "Exc");
        QCOMPARE(model().synapses[0].source, std::string("Exc"));
        QCOMPARE(model().groups[0].subgroups[0].name, std::string("Exc"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(model().synapses[0].source, std::string("Pe"));
    }

    void choosersOfferSubgroups() {
        open(kSlicedModel);
        window_->scene()->selectObject(ObjectRef::synapses("Ce"));
        QTRY_COMPARE(window_->inspector()->object(), ObjectRef::synapses("Ce"));
        QComboBox* source = window_->inspector()->sourceChooser();
        QComboBox* target = window_->inspector()->targetChooser();
        QVERIFY(source->isVisible() && target->isVisible());
        QCOMPARE(source->currentText(), QString("Pe"));
        QStringList offered;
        for (int k = 0; k < target->count(); ++k)
            offered << target->itemText(k);
        QCOMPARE(offered, (QStringList{"P", "Pe", "Pi", "Q"}));
        target->setCurrentIndex(target->findText("Pi"));
        emit target->activated(target->currentIndex());
        QCOMPARE(model().synapses[0].target, std::string("Pi"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        // The arrow now ends at Pi's band.
        GroupNodeItem* p = window_->scene()->node("P");
        SynapsesArrowItem* arrow = window_->scene()->arrow("Ce");
        QVERIFY(distance(arrow->end(), p->bandAnchor("Pi")) < 1.0);
        undoStack()->undo();
        QCOMPARE(model().synapses[0].target, std::string("Q"));

        // The group's monitors table lists the monitor of its subgroup Pi.
        click(p->scenePos() + QPointF(0, -20));
        TableSection* monitors = section("monitors");
        QCOMPARE(monitors->table()->rowCount(), 1);
        QCOMPARE(monitors->table()->item(0, 1)->text(), QString("Pi"));

        // A PoissonInput's target is chosen among groups and subgroups.
        window_->scene()->clearSelection();
        QTRY_COMPARE(window_->inspector()->object().kind, ObjectRef::Kind::Model);
        TableSection* inputs = section("poisson_inputs");
        inputs->addButton()->click();
        QCOMPARE(model().poissonInputs.size(), size_t(1));
        QTableWidget* table = inputs->table();
        table->setCurrentCell(0, 1);
        table->editItem(table->item(0, 1));
        auto* chooser = qobject_cast<QComboBox*>(table->indexWidget(table->currentIndex()));
        QVERIFY(chooser);
        QVERIFY(chooser->findText("Pe") >= 0 && chooser->findText("Pi") >= 0);
        chooser->setCurrentText("Pi");
        QTest::keyClick(chooser, Qt::Key_Return);
        QCoreApplication::processEvents();
        QCOMPARE(model().poissonInputs[0].target, std::string("Pi"));
    }

    void synapsesAreDrawnFromAndToBands() {
        open(kSlicedModel);
        GroupNodeItem* p = window_->scene()->node("P");
        // The existing arrow leaves Pe's band.
        QVERIFY(distance(window_->scene()->arrow("Ce")->start(), p->bandAnchor("Pe")) < 1.0);
        QVERIFY(p->bandRect("Pe").width() > 3 * p->bandRect("Pi").width());
        // The monitor of Pi marks Pi's band, not the card.
        QCOMPARE(p->bands()[1].name, QString("Pi"));
        QCOMPARE(p->bands()[1].monitors, QString("spikes"));
        QVERIFY(p->bands()[0].monitors.isEmpty());
        QVERIFY(p->monitors().isEmpty());

        // Connect mode: a click on Pi's band, then on Pe's band.
        const QString before = modelText(model());
        window_->action("connect")->trigger();
        click(bandCenter("P", "Pi"));
        click(bandCenter("P", "Pe"));
        QCOMPARE(model().synapses.size(), size_t(2));
        const SynapsesSpec& drawn = model().synapses[1];
        QCOMPARE(drawn.source, std::string("Pi"));
        QCOMPARE(drawn.target, std::string("Pe"));
        QCOMPARE(drawn.onPre, std::string("v_post += 0.5*mV")); // P has equations
        SynapsesArrowItem* arrow = window_->scene()->arrow(QString::fromStdString(drawn.name));
        QVERIFY(arrow && arrow->isVisible());
        QVERIFY(distance(arrow->start(), p->bandAnchor("Pi")) < 1.0);
        QVERIFY(distance(arrow->end(), p->bandAnchor("Pe")) < 1.0);
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // From the card itself (above the bands) to a band: the whole group.
        window_->action("connect")->trigger();
        click(p->scenePos() + QPointF(0, -20));
        click(bandCenter("P", "Pi"));
        QCOMPARE(model().synapses.size(), size_t(3));
        QCOMPARE(model().synapses[2].source, std::string("P"));
        QCOMPARE(model().synapses[2].target, std::string("Pi"));

        undoStack()->undo();
        undoStack()->undo();
        QCOMPARE(modelText(model()), before);
    }

    void copiesGetFreeSubgroupNamesAndDeletingTakesDependents() {
        open(kSlicedModel);
        const QString original = modelText(model());
        window_->scene()->selectObjects({ObjectRef::group("P"), ObjectRef::group("Q")});
        window_->action("copy")->trigger();
        window_->action("paste")->trigger();
        QCOMPARE(model().groups.size(), size_t(4));
        const GroupSpec& copy = model().groups[2];
        QCOMPARE(copy.name, std::string("P_copy"));
        QCOMPARE(copy.subgroups.size(), size_t(2));
        QCOMPARE(copy.subgroups[0].name, std::string("Pe_copy"));
        QCOMPARE(copy.subgroups[1].name, std::string("Pi_copy"));
        QCOMPARE(model().synapses.size(), size_t(2)); // Ce came along: it joins Pe and Q
        QCOMPARE(model().synapses[1].source, std::string("Pe_copy"));
        QCOMPARE(model().synapses[1].target, std::string("Q_copy"));
        QCOMPARE(model().monitors.size(), size_t(2));
        QCOMPARE(model().monitors[1].source, std::string("Pi_copy"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(modelText(model()), original);

        // Deleting P takes what is on its subgroups with it.
        window_->scene()->selectObject(ObjectRef::group("P"));
        window_->action("delete")->trigger();
        QCOMPARE(model().groups.size(), size_t(1));
        QVERIFY(model().synapses.empty());
        QVERIFY(model().monitors.empty());
        QTRY_VERIFY(window_->diagnostics()->canRun());
        undoStack()->undo();
        QCOMPARE(modelText(model()), original);
    }

    void overlappingSubgroupsGetLanes() {
        open(R"({"format": "spikestudio-model", "version": 1,
          "groups": [{"name": "P", "type": "PoissonGroup", "N": 100, "rates": "5*Hz",
                      "subgroups": [{"name": "A", "start": 0, "stop": 60},
                                    {"name": "B", "start": 40, "stop": 100},
                                    {"name": "C", "start": 60, "stop": 100}]}]})");
        GroupNodeItem* p = window_->scene()->node("P");
        QCOMPARE(p->bands().size(), 3);
        QCOMPARE(p->bands()[0].lane, 0);
        QCOMPARE(p->bands()[1].lane, 1); // overlaps A
        QCOMPARE(p->bands()[2].lane, 0); // fits beside A
        QVERIFY(!p->bandRect("A").intersects(p->bandRect("B")));
        QCOMPARE(p->subgroupAt(p->bandRect("C").center()), QString("C"));
        QCOMPARE(p->subgroupAt(QPointF(0, -20)), QString());
    }
};

QTEST_MAIN(TestGuiSubgroups)
#include "tst_gui_subgroups.moc"
