// The runs browser on a project with two runs: listed, plots shown again from
// the stored results, CSV exported exactly as `spikestudio export` writes it,
// a run deleted; an unreadable project lists nothing.
#include "csv/CsvWriter.h"
#include "model/ModelReader.h"
#include "run/RunController.h"
#include "runs/RunsBrowser.h"
#include "runtime/Network.h"
#include "storage/Project.h"
#include "support/FileTree.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace spikestudio;

class TestGuiRuns : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string project_;

    /// Runs CUBA for 30 ms into the project; its results written as CSV to `csv`.
    void runInto(std::uint32_t seed, const QString& csv) {
        RunController controller;
        QSignalSpy finished(&controller, &RunController::finished);
        CheckOptions options;
        options.duration = "30*ms";
        options.seed = seed;
        QVERIFY(
            controller.start(readModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json"),
                             options, project_));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        writeAllCsv(*controller.network(), csv.toStdString());
    }

private slots:
    void initTestCase() {
        project_ = dir_.filePath("runs.spikestudio").toStdString();
        runInto(1, dir_.filePath("direct1"));
        runInto(2, dir_.filePath("direct2"));
    }

    void listsShowsExportsAndDeletesRuns() {
        RunsBrowser browser;
        browser.setProjectPath(project_);
        QCOMPARE(browser.runCount(), 2);
        browser.selectRun(2);
        QCOMPARE(browser.selectedRun(), std::int64_t(2));

        QWidget* window = browser.showSelected();
        QVERIFY(window);
        auto* plot = window->findChild<QCustomPlot*>("runPlot");
        QVERIFY(plot && plot->graphCount() >= 3);
        window->close();

        QCOMPARE(browser.exportSelected(dir_.filePath("exported2")), QString());
        QCOMPARE(filesOf(dir_.filePath("exported2")), filesOf(dir_.filePath("direct2")));

        QCOMPARE(browser.deleteSelected(), QString());
        QCOMPARE(browser.runCount(), 1);
        QCOMPARE(Project(project_, ProjectAccess::ReadOnly).runs().front().id, std::int64_t(1));
    }

    void anUnreadableProjectListsNothing() {
        const QString junk = dir_.filePath("junk.spikestudio");
        QFile file(junk);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a project");
        file.close();
        RunsBrowser browser;
        browser.setProjectPath(junk.toStdString());
        QCOMPARE(browser.runCount(), 0);
        QVERIFY(!browser.exportSelected(dir_.filePath("nothing")).isEmpty());
    }
};

QTEST_MAIN(TestGuiRuns)
#include "tst_gui_runs.moc"
