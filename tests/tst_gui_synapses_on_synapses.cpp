// Synapses acting on synapses in the desktop app, driven offscreen: the
// canvas draws such a Synapses object from its source card to the middle of
// the arrow it acts on (following it when cards move), one reading synapses
// from the middle of the arrow it reads, and the inspector's source and
// target choosers offer the Synapses objects written before the selected one.
#include "MainWindow.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkScene.h"
#include "canvas/SynapsesArrowItem.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "inspector/InspectorPanel.h"
#include "support/QuietMainWindow.h"

#include <QComboBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

double distance(QPointF a, QPointF b) {
    return QLineF(a, b).length();
}

const char* kModel = R"({"format": "spikestudio-model", "version": 1, "duration": "10*ms",
  "groups": [{"name": "A", "type": "NeuronGroup", "N": 4, "equations": "dv/dt = -v/(10*ms) : 1",
              "threshold": "v > 1", "reset": "v = 0"},
             {"name": "B", "type": "NeuronGroup", "N": 3, "equations": "dv/dt = -v/(10*ms) : 1"},
             {"name": "M", "type": "PoissonGroup", "N": 2, "rates": "10*Hz"}],
  "synapses": [{"name": "S", "source": "A", "target": "B", "model": "w : 1", "on_pre": "v_post += w"},
               {"name": "S2", "source": "M", "target": "S", "on_pre": "w_post += 0.1"},
               {"name": "T", "source": "M", "target": "B", "on_pre": "v_post += 0.1"}]})";

QStringList itemsOf(const QComboBox* chooser) {
    QStringList items;
    for (int k = 0; k < chooser->count(); ++k)
        items << chooser->itemText(k);
    return items;
}

} // namespace

class TestGuiSynapsesOnSynapses : public QObject {
    Q_OBJECT

    QTemporaryDir temporary_;
    std::unique_ptr<MainWindow> window_;

    const Model& model() { return window_->document()->model(); }
    SynapsesArrowItem* arrow(const QString& name) { return window_->scene()->arrow(name); }

    void open(const char* json) {
        const QString path = temporary_.filePath("model.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
        file.close();
        QVERIFY(window_->openModelFile(path));
    }

    /// `arrow` runs from its source card to the middle of `target`.
    void verifyDrawnOnto(SynapsesArrowItem* onto, SynapsesArrowItem* target, const QString& from) {
        QVERIFY(onto && onto->isVisible());
        QCOMPARE(onto->targetArrow(), target);
        const QRectF card = window_->scene()->node(from)->sceneBoundingRect();
        QVERIFY2(distance(onto->start(), card.center()) < card.width(), "starts at its card");
        // It ends at the border of the label box in the middle of the target arrow.
        QVERIFY2(
            distance(onto->end(), target->middle()) < 60.0,
            qPrintable(
                QString("ends %1 from the middle").arg(distance(onto->end(), target->middle()))));
        QVERIFY(distance(onto->end(), target->middle()) <
                distance(onto->start(), target->middle()));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        window_ = showQuietMainWindow();
        QVERIFY(window_);
    }

    void cleanup() { window_.reset(); }

    void arrowEndsOnTheArrowItActsOn() {
        open(kModel);
        QTRY_VERIFY(window_->diagnostics()->canRun());
        verifyDrawnOnto(arrow("S2"), arrow("S"), "M");
        QVERIFY(!arrow("T")->targetArrow());

        // Moving a card of S moves S's middle, and S2's end follows it.
        const QPointF before = arrow("S")->middle();
        window_->scene()->node("B")->setPos(window_->scene()->node("B")->pos() + QPointF(0, 300));
        QVERIFY(distance(arrow("S")->middle(), before) > 50.0);
        verifyDrawnOnto(arrow("S2"), arrow("S"), "M");
    }

    void targetChooserOffersEarlierSynapses() {
        open(kModel);
        window_->scene()->selectObject(ObjectRef::synapses("S"));
        QTRY_COMPARE(window_->inspector()->object(), ObjectRef::synapses("S"));
        QComboBox* target = window_->inspector()->targetChooser();
        QCOMPARE(itemsOf(target), (QStringList{"A", "B", "M"})); // none before S

        window_->scene()->selectObject(ObjectRef::synapses("S2"));
        QTRY_COMPARE(window_->inspector()->object(), ObjectRef::synapses("S2"));
        QCOMPARE(itemsOf(target), (QStringList{"A", "B", "M", "S"}));
        QCOMPARE(target->currentText(), QString("S"));

        // T is made to act on S2: the model, the canvas and the checker follow.
        window_->scene()->selectObject(ObjectRef::synapses("T"));
        QTRY_COMPARE(window_->inspector()->object(), ObjectRef::synapses("T"));
        QCOMPARE(itemsOf(target), (QStringList{"A", "B", "M", "S", "S2"}));
        target->setCurrentIndex(target->findText("S2"));
        emit target->activated(target->currentIndex());
        QCOMPARE(model().synapses[2].target, std::string("S2"));
        verifyDrawnOnto(arrow("T"), arrow("S2"), "M");
        // T's on_pre writes v_post, which S2's synapses do not have.
        QTRY_VERIFY(!window_->diagnostics()->canRun());
        window_->document()->undoStack()->undo();
        QCOMPARE(model().synapses[2].target, std::string("B"));
        QVERIFY(!arrow("T")->targetArrow());
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    /// Synapses reading synapses (Brian2's astrocyte models): the source
    /// chooser offers the Synapses objects before them, and the arrow then
    /// starts at the middle of the arrow it reads and ends at its target card.
    void sourceChooserMakesAnArrowReadSynapses() {
        open(kModel);
        window_->scene()->selectObject(ObjectRef::synapses("T"));
        QTRY_COMPARE(window_->inspector()->object(), ObjectRef::synapses("T"));
        QComboBox* source = window_->inspector()->sourceChooser();
        QCOMPARE(itemsOf(source), (QStringList{"A", "B", "M", "S", "S2"}));
        source->setCurrentIndex(source->findText("S"));
        emit source->activated(source->currentIndex());
        QCOMPARE(model().synapses[2].source, std::string("S"));
        SynapsesArrowItem* reading = arrow("T");
        QVERIFY(reading->isVisible());
        QCOMPARE(reading->sourceArrow(), arrow("S"));
        QVERIFY(!reading->targetArrow());
        QVERIFY2(distance(reading->start(), arrow("S")->middle()) < 60.0, "starts at S's middle");
        const QRectF card = window_->scene()->node("B")->sceneBoundingRect();
        QVERIFY2(distance(reading->end(), card.center()) < card.width(), "ends at its card");
        // T's on_pre now listens to S, whose synapses send no events.
        QTRY_VERIFY(!window_->diagnostics()->canRun());

        // It follows S when a card of S moves; undo gives T its group back.
        const QPointF before = reading->start();
        window_->scene()->node("A")->setPos(window_->scene()->node("A")->pos() + QPointF(0, 300));
        QVERIFY(distance(reading->start(), before) > 50.0);
        QVERIFY(distance(reading->start(), arrow("S")->middle()) < 60.0);
        window_->document()->undoStack()->undo();
        QCOMPARE(model().synapses[2].source, std::string("M"));
        QVERIFY(!arrow("T")->sourceArrow());
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }
};

QTEST_MAIN(TestGuiSynapsesOnSynapses)
#include "tst_gui_synapses_on_synapses.moc"
