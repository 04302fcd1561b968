// The desktop's write paths: Export plot and the Runs tab's Export CSV go
// through the same atomic writes and name checks as the command line (a
// planted link is not followed, a full disk keeps the earlier file, a crafted
// monitor name writes nothing), and a run whose project another program has
// locked says so in its progress while it waits.
#include "model/ModelReader.h"
#include "plots/PlotStyle.h"
#include "run/RunController.h"
#include "runs/RunsBrowser.h"
#include "storage/LockTimeout.h"
#include "storage/Project.h"
#include "support/FileTree.h"
#include "support/SmallDisk.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>
#include <sqlite3.h>

using namespace spikestudio;

namespace {

/// A plot with one busy graph of `points` points (a PNG of it is tens of KiB).
void fillPlot(QCustomPlot& plot, int points) {
    plot.resize(400, 300);
    QCPGraph* graph = plot.addGraph();
    for (int k = 0; k < points; ++k)
        graph->addData(k, std::sin(k * 0.37) * std::cos(k * 0.011));
    plot.rescaleAxes();
    plot.replot();
}

void sql(const QString& path, const char* statement) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, statement, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
}

const char* kLongModel = R"({"format": "spikestudio-model", "version": 1,
    "dt": "0.1*ms", "duration": "100*second",
    "groups": [{"name": "G", "type": "NeuronGroup", "N": 10, "method": "exact",
                "equations": "dv/dt = -v/(10*ms) : 1"}],
    "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "G"}]})";

} // namespace

class TestGuiExports : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString freshDir(const QString& name) const { return freshDirectory(QDir(dir_.path()), name); }

private slots:
    void initTestCase() { // runs compile native kernels in the background
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("cache").toUtf8());
    }

    void plotExportDoesNotFollowALink() {
        const QString root = freshDir("link");
        writeText(root + "/victim", "precious");
        QVERIFY(QFile::link(root + "/victim", root + "/figure.png"));
        QCustomPlot plot;
        fillPlot(plot, 100);
        const QString problem = PlotStyle::save(plot, root + "/figure.png");
        QVERIFY2(problem.contains("symbolic link"), qPrintable(problem));
        QCOMPARE(contents(root + "/victim"), QByteArray("precious"));
    }

    void plotExportOnAFullDiskKeepsTheEarlierFile() {
        const SmallDisk disk(freshDir("full"), "size=64k");
        if (!disk.mounted())
            QSKIP("cannot mount a small tmpfs here (needs root)");
        const QByteArray earlier(56 * 1024, 'x');
        writeText(disk.path() + "/figure.png", earlier);
        QCustomPlot plot;
        fillPlot(plot, 5000);
        const QString problem = PlotStyle::save(plot, disk.path() + "/figure.png");
        QVERIFY2(problem.contains("figure.png: the disk is full; the earlier file is unchanged"),
                 qPrintable(problem));
        QCOMPARE(contents(disk.path() + "/figure.png"), earlier);
        QCOMPARE(treeOf(disk.path()), QStringList{"figure.png"});
    }

    void runsTabExportRefusesACraftedName() {
        const QString root = freshDir("crafted");
        const QString project = root + "/p.spikestudio";
        {
            RunController controller;
            QVERIFY(controller.start(readModel(kLongModel), {.duration = "5*ms", .seed = {}},
                                     project.toStdString()));
            controller.wait();
        }
        sql(project, "UPDATE monitors SET name = '../../escaped'");
        RunsBrowser browser;
        browser.setProjectPath(project.toStdString());
        browser.selectRun(1);
        const QStringList before = treeOf(root);
        const QString problem = browser.exportSelected(root + "/a/b/out");
        QVERIFY2(problem.startsWith("monitor '../../escaped', field 'name'"), qPrintable(problem));
        QCOMPARE(treeOf(root), before);
    }

    void aRunWaitingForALockedProjectShowsIt() {
        const QString project = dir_.filePath("locked.spikestudio");
        Project(project.toStdString()).saveModel(kLongModel);
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(project.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
        RunController controller;
        QVERIFY(controller.start(readModel(kLongModel), {}, project.toStdString()));
        QTRY_VERIFY_WITH_TIMEOUT(controller.progress().lockWait > 0, 20000);
        sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        QTRY_VERIFY_WITH_TIMEOUT(controller.state() == RunController::State::Running &&
                                     controller.progress().lockWait == 0,
                                 20000);
        controller.stop();
        controller.wait();
        QCOMPARE(controller.state(), RunController::State::Stopped);
    }
};

QTEST_MAIN(TestGuiExports)
#include "tst_gui_exports.moc"
