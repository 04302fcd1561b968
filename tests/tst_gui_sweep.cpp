// The Sweep dialog and the Sweep view on the offscreen platform: the dialog
// refuses what `spikestudio sweep` refuses, with the reason where it arises;
// a 2×2 sweep of CUBA fills four tiles laid out as a matrix and stores four
// runs of one sweep; cancel keeps what ended (stored and shown) and leaves
// the app usable; a click on a tile opens that run's figure; a project that
// cannot be written refuses the sweep. With SPIKESTUDIO_UPDATE_DOCS set, a
// 3×3 sweep's view is saved as docs/sweep-view.png.
#include "MainWindow.h"
#include "canvas/NetworkView.h"
#include "document/ModelDocument.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "plots/FigureWindow.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "runs/RunsBrowser.h"
#include "storage/Project.h"
#include "storage/SweepStore.h"
#include "sweep/SweepDialog.h"
#include "sweep/SweepSummaryPlot.h"
#include "sweep/SweepView.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace spikestudio;
using Kind = SweepAxisEditor::Kind;
using State = SweepTile::State;

namespace {

Model cuba() {
    return readModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json");
}

QPushButton* okButton(SweepDialog& dialog) {
    return dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
}

/// A we × wi grid of the CUBA example as the dialog makes it.
SweepRequest weTimesWi(const Model& model, int steps, const QString& duration, int jobs) {
    SweepDialog dialog(model);
    dialog.axes()[0]->set("we", Kind::Linear, "1*mV", "2.5*mV", steps);
    dialog.addAxis()->set("wi", Kind::Linear, "-12*mV", "-6*mV", steps);
    dialog.setDuration(duration);
    dialog.setJobs(jobs);
    std::optional<SweepRequest> request = dialog.request();
    if (!request)
        qFatal("the sweep was refused: %s", qPrintable(dialog.problem()));
    return std::move(*request);
}

std::vector<SweepRunEntry> storedRuns(const QString& project, std::int64_t sweep) {
    Project opened(project.toStdString(), ProjectAccess::ReadOnly);
    return SweepStore(opened).runsOf(sweep);
}

int tilesIn(const SweepView& view, State state) {
    return int(std::count_if(view.tiles().begin(), view.tiles().end(),
                             [state](const SweepTile* tile) { return tile->state() == state; }));
}

} // namespace

class TestGuiSweep : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    /// A main window editing CUBA in a new project `name` (so runs go there).
    std::unique_ptr<MainWindow> windowOn(const QString& name, QString* project) {
        *project = dir_.filePath(name);
        Project::openOrCreate(project->toStdString(), writeModelJson(cuba()));
        auto window = std::make_unique<MainWindow>();
        window->setMessageHandler([](const QString& title, const QString& text) {
            QFAIL(qPrintable(title + ": " + text));
        });
        if (!window->openModelFile(*project))
            qFatal("cannot open the project");
        window->resize(1400, 900);
        window->show();
        return window;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // the scratch project stays out of $HOME
    }

    void dialogCountsTheRuns() {
        SweepDialog dialog(cuba());
        dialog.axes()[0]->set("we", Kind::Linear, "0.5*mV", "2*mV", 3);
        dialog.addAxis()->setList("wi", "[-9, -6, -3]*mV");
        dialog.setSeeds("1:2");
        QCOMPARE(dialog.countText(), QString("18 runs (3 × 3, 2 seeds each)"));
        QVERIFY(okButton(dialog)->isEnabled());
        dialog.setZipped(true);
        QCOMPARE(dialog.countText(), QString("6 runs (3 values zipped, 2 seeds each)"));
        const std::optional<SweepRequest> request = dialog.request();
        QVERIFY(request);
        QCOMPARE(request->plan.variantCount(), std::size_t(6));
        QCOMPARE(request->plan.axes()[0].text, std::string("we=0.5*mV:2*mV:3"));
    }

    void dialogRefusesBadRangesWithTheMessage_data() {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("another unit") << "0.5*mV"
                                      << "2*ms" << int(Kind::Linear) << "we: ";
        QTest::newRow("not a quantity") << "0.5*mV"
                                        << "two" << int(Kind::Linear) << "we: ";
        QTest::newRow("log through zero") << "0*mV"
                                          << "2*mV" << int(Kind::Logarithmic) << "we: ";
        QTest::newRow("unit of the model") << "0.5*ms"
                                           << "2*ms" << int(Kind::Linear) << "we";
    }

    void dialogRefusesBadRangesWithTheMessage() {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, kind);
        QFETCH(QString, expected);
        SweepDialog dialog(cuba());
        SweepAxisEditor* axis = dialog.axes()[0];
        axis->set("we", Kind(kind), from, to, 4);
        QVERIFY(!dialog.request());
        QVERIFY(!okButton(dialog)->isEnabled());
        const QString shown = axis->problem().isEmpty() ? dialog.problem() : axis->problem();
        QVERIFY2(shown.contains(expected), qPrintable(shown));
        QCOMPARE(dialog.countText(), QString("The sweep cannot start."));
        // The command line refuses the same text.
        QVERIFY_THROWS_EXCEPTION(std::exception, {
            SweepPlan plan({parseSweepAxis(axis->varyText().toStdString())}, {},
                           SweepCombination::Grid);
            plan.checkAgainst(checkModel(cuba()));
        });
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted
    }

    void dialogRefusesBadSweepOptions_data() {
        QTest::addColumn<QString>("seeds");
        QTest::addColumn<QString>("duration");
        QTest::addColumn<bool>("zipWithAnotherLength");
        QTest::addColumn<QString>("expected");
        QTest::newRow("seeds") << "5:x"
                               << "" << false << "--seeds";
        QTest::newRow("duration") << ""
                                  << "3*mV" << false << "duration";
        QTest::newRow("zipped lengths") << ""
                                        << "" << true << "zip";
        QTest::newRow("constant twice") << ""
                                        << "" << false << "twice";
    }

    void dialogRefusesBadSweepOptions() {
        QFETCH(QString, seeds);
        QFETCH(QString, duration);
        QFETCH(bool, zipWithAnotherLength);
        QFETCH(QString, expected);
        SweepDialog dialog(cuba());
        dialog.axes()[0]->set("we", Kind::Linear, "0.5*mV", "2*mV", 3);
        if (QTest::currentDataTag() == QString("constant twice"))
            dialog.addAxis()->setList("we", "[1, 2]*mV");
        if (zipWithAnotherLength) {
            dialog.addAxis()->setList("wi", "[-9, -6]*mV");
            dialog.setZipped(true);
        }
        dialog.setSeeds(seeds);
        dialog.setDuration(duration);
        QVERIFY(!dialog.request());
        QVERIFY2(dialog.problem().contains(expected, Qt::CaseInsensitive),
                 qPrintable(dialog.problem()));
    }

    void twoByTwoSweepFillsFourTilesAndStoresFourRuns() {
        QString project;
        auto window = windowOn("grid.spikestudio", &project);
        SweepView& view = *window->sweepView();
        QSignalSpy ended(&view, &SweepView::sweepEnded);
        QCOMPARE(window->startSweep(weTimesWi(window->document()->model(), 2, "50*ms", 2)),
                 QString());
        QVERIFY(view.isVisible());
        QCOMPARE(int(view.tiles().size()), 4);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
        QCOMPARE(view.endedCount(), 4);
        QCOMPARE(tilesIn(view, State::Finished), 4);
        for (const SweepTile* tile : view.tiles())
            QVERIFY(!tile->thumbnail().empty() && tile->thumbnail().meanRate > 0.0);
        // Stronger excitation and weaker inhibition fire more: the tiles tell them apart.
        QVERIFY(view.tiles()[2]->thumbnail().meanRate > view.tiles()[0]->thumbnail().meanRate);
        QVERIFY(view.progressText().startsWith("4 of 4 runs ended"));

        // A matrix: we down the side, wi along the top, each value once.
        QStringList headers;
        for (const QLabel* header : view.findChildren<QLabel*>("sweepHeader"))
            headers << header->text();
        for (const char* text : {"we ↓", "wi →", "1 mV", "2.5 mV", "-12 mV", "-6 mV"})
            QVERIFY2(headers.contains(text), qPrintable(headers.join(" | ")));

        // Four runs of one sweep, in the Runs tab too.
        Project opened(project.toStdString(), ProjectAccess::ReadOnly);
        const auto sweeps = SweepStore(opened).sweeps();
        QCOMPARE(int(sweeps.size()), 1);
        QCOMPARE(sweeps[0].id, view.controller().sweepId());
        QCOMPARE(sweeps[0].variants, 4);
        QCOMPARE(sweeps[0].stored, 4);
        const auto runs = storedRuns(project, sweeps[0].id);
        QCOMPARE(int(runs.size()), 4);
        for (int k = 0; k < 4; ++k)
            QCOMPARE(runs[std::size_t(k)].variant, k);
        QCOMPARE(window->runsBrowser()->runCount(), 4);

        // A click on a tile opens that run's figure.
        const std::int64_t run = view.controller().runOf(3);
        QCOMPARE(run, runs[3].runId);
        QTest::mouseClick(view.tiles()[3], Qt::LeftButton);
        FigureWindow* figure = nullptr;
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* candidate = qobject_cast<FigureWindow*>(widget);
                candidate && candidate->isVisible())
                figure = candidate;
        QVERIFY(figure);
        QCOMPARE(figure->windowTitle(), QString("Run %1").arg(run));
        QVERIFY(figure->plot()->graphCount() > 0);

        // Under the tiles, the summary: a 2 x 2 heat map of the stored statistics, whose
        // cells open their run too.
        SweepSummaryPlot* summary = view.summary();
        QVERIFY(summary && view.summaryPlace()->isVisible());
        QCOMPARE(int(summary->table().rows().size()), 4);
        QCOMPARE(int(summary->points().size()), 4);
        summary->plot()->replot();
        QSignalSpy activated(&view, &SweepView::runActivated);
        const auto& first = summary->points()[0];
        QTest::mouseClick(summary->plot(), Qt::LeftButton, {}, summary->pixelOf(0));
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated[0][1].toLongLong(), first.runIds.at(0));
    }

    void cancelKeepsWhatEndedAndTheAppStaysUsable() {
        QString project;
        auto window = windowOn("cancel.spikestudio", &project);
        SweepView& view = *window->sweepView();
        QSignalSpy ended(&view, &SweepView::sweepEnded);
        // 25 runs one at a time: cancelled as soon as the first has ended.
        QCOMPARE(window->startSweep(weTimesWi(window->document()->model(), 5, "300*ms", 1)),
                 QString());
        QTRY_VERIFY_WITH_TIMEOUT(view.endedCount() >= 1, 120000);
        view.findChild<QPushButton*>("sweepCancel")->click();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
        QVERIFY(!view.isRunning());
        const int finished = tilesIn(view, State::Finished);
        const int stopped = tilesIn(view, State::Stopped);
        QVERIFY(finished >= 1);
        // Runs cancelled before their network was built are not stored, nor are those never
        // started.
        QVERIFY(tilesIn(view, State::Waiting) + tilesIn(view, State::NotRun) > 0);
        QCOMPARE(tilesIn(view, State::Failed), 0);
        QVERIFY(view.findChild<QLabel*>("sweepNote")->text().startsWith("Cancelled"));
        // What ended is stored with the sweep; what never started is not.
        const auto runs = storedRuns(project, view.controller().sweepId());
        QCOMPARE(int(runs.size()), finished + stopped);
        for (const SweepRunEntry& entry : runs)
            QVERIFY(view.tiles()[std::size_t(entry.variant)]->state() == State::Finished ||
                    view.tiles()[std::size_t(entry.variant)]->state() == State::Stopped);

        // The app goes on: a normal run, then another sweep.
        QSignalSpy runEnded(window->runView(), &RunView::runEnded);
        window->runView()->run();
        QTRY_COMPARE_WITH_TIMEOUT(runEnded.count(), 1, 120000);
        QCOMPARE(window->runView()->controller().state(), RunController::State::Finished);
        QCOMPARE(window->startSweep(weTimesWi(window->document()->model(), 2, "20*ms", 2)),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 120000);
        QCOMPARE(tilesIn(view, State::Finished), 4);
    }

    void aProjectThatCannotBeWrittenRefusesTheSweep() {
        SweepView view;
        const QString problem =
            view.start(weTimesWi(cuba(), 2, "20*ms", 1),
                       dir_.filePath("no-such-folder/sweep.spikestudio").toStdString());
        QVERIFY(!problem.isEmpty());
        QVERIFY(!view.isRunning());
        QVERIFY(view.tiles().empty());
    }

    void pictureOfALiveThreeByThreeSweep() {
        const QString path = qEnvironmentVariableIsSet("SPIKESTUDIO_UPDATE_DOCS")
                                 ? QStringLiteral(SPIKESTUDIO_SOURCE_DIR "/docs/sweep-view.png")
                                 : dir_.filePath("sweep-view.png");
        QString project;
        auto window = windowOn("picture.spikestudio", &project);
        SweepView& view = *window->sweepView();
        QSignalSpy ended(&view, &SweepView::sweepEnded);
        QCOMPARE(window->startSweep(weTimesWi(window->document()->model(), 3, "300*ms", 2)),
                 QString());
        // Live: some tiles drawn, others still waiting.
        window->view()->fitNetwork();
        QTRY_VERIFY_WITH_TIMEOUT(view.endedCount() >= 5, 120000);
        const QImage picture = window->grab().toImage();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 120000);
        QVERIFY(picture.save(path));
        QCOMPARE(picture.width(), window->width() * int(picture.devicePixelRatio()));
    }
};

QTEST_MAIN(TestGuiSweep)
#include "tst_gui_sweep.moc"
