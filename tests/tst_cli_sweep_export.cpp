// `spikestudio export PROJECT --sweep ID --csv DIR`: summary.csv holds a row
// per variant with its values, seed, status, run and statistics (checked
// against the variants' own spike files), each variant's folder equals
// `export --run` of its run, the folder appears whole or not at all, and bad
// input is refused in one line with nothing written.
#include "storage/Project.h"
#include "support/CliRunner.h"
#include "support/FileTree.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

const QByteArray kPoissonModel = R"({"format": "spikestudio-model", "version": 1,
 "dt": "0.1*ms", "duration": "20*ms", "seed": 1, "constants": {"rate": "50*Hz"},
 "groups": [{"name": "P", "type": "PoissonGroup", "N": 20, "rates": "rate"}],
 "monitors": [{"name": "spikes", "type": "SpikeMonitor", "source": "P"}]})";

QList<QStringList> csvRows(const QString& path) {
    QList<QStringList> rows;
    for (const QString& line : QString::fromUtf8(contents(path)).split('\n', Qt::SkipEmptyParts))
        rows.append(line.split(','));
    return rows;
}

} // namespace

class TestCliSweepExport : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString project_;

private slots:
    void initTestCase() {
        const QString model = dir_.filePath("poisson.json");
        writeText(model, kPoissonModel);
        project_ = dir_.filePath("poisson.spikestudio");
        const CliResult sweep = runCli({"sweep", model, "--vary", "rate=[10, 30]*Hz", "--seeds",
                                        "1:2", "--db", project_, "--tier", "tcc", "--jobs", "1"});
        QCOMPARE(sweep.exitCode, 0);
    }

    void summaryHasARowPerVariantAndTheirStatistics() {
        const QString out = dir_.filePath("exported");
        const CliResult exported = runCli({"export", project_, "--sweep", "1", "--csv", out});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY2(exported.out.contains("exported sweep 1 (4 runs)"), qPrintable(exported.out));
        QCOMPARE(treeOf(out), QStringList({"summary.csv", "variant-0001", "variant-0001/spikes.csv",
                                           "variant-0002", "variant-0002/spikes.csv",
                                           "variant-0003", "variant-0003/spikes.csv",
                                           "variant-0004", "variant-0004/spikes.csv"}));
        const QList<QStringList> rows = csvRows(out + "/summary.csv");
        QCOMPARE(rows.size(), 5);
        const QStringList header = rows[0];
        QCOMPARE(header.mid(0, 5),
                 QStringList({"variant", "rate [Hz]", "seed", "status", "run id"}));
        const int spikes = int(header.indexOf("spikes.spikes"));
        const int rate = int(header.indexOf("spikes.rate_mean [Hz]"));
        QVERIFY2(spikes > 0 && rate > 0, qPrintable(header.join(',')));
        const QStringList values{"10", "10", "30", "30"}, seeds{"1", "2", "1", "2"};
        for (int k = 1; k <= 4; ++k) {
            const QStringList& row = rows[k];
            QCOMPARE(row[0], QString::number(k));
            QCOMPARE(row[1], values[k - 1]);
            QCOMPARE(row[2], seeds[k - 1]);
            QCOMPARE(row[3], QString("finished"));
            // The variant's own spike file: a line per spike under its header.
            const QString folder = out + QString("/variant-%1").arg(k, 4, 10, QChar('0'));
            const int lines = int(csvRows(folder + "/spikes.csv").size()) - 1;
            QCOMPARE(row[spikes].toInt(), lines);
            // 20 neurons over 20 ms: the mean rate is spikes / 0.4 s.
            QCOMPARE(row[rate].toDouble(), lines / 0.4);
            // And the folder is what `export --run` writes for that run.
            const QString alone = dir_.filePath(QString("run-%1").arg(row[4]));
            QCOMPARE(runCli({"export", project_, "--run", row[4], "--csv", alone}).exitCode, 0);
            QCOMPARE(filesOf(alone), filesOf(folder));
        }
        // Higher rates give more spikes.
        QVERIFY(rows[3][spikes].toInt() > rows[1][spikes].toInt());
    }

    void badInputIsRefusedInOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const QString out = dir_.filePath("refused");
        QTest::newRow("unknown sweep")
            << QStringList{"export", project_, "--sweep", "7", "--csv", out} << "sweep 7";
        QTest::newRow("not a project")
            << QStringList{"export", dir_.filePath("poisson.json"), "--sweep", "1", "--csv", out}
            << "poisson.json";
        QTest::newRow("missing project")
            << QStringList{"export", dir_.filePath("none.spikestudio"), "--sweep", "1", "--csv",
                           out}
            << "none.spikestudio";
        QTest::newRow("a folder not empty")
            << QStringList{"export", project_, "--sweep", "1", "--csv", dir_.filePath("full")}
            << "not empty";
        QTest::newRow("a file") << QStringList{"export", project_, "--sweep",
                                               "1",      "--csv",  dir_.filePath("poisson.json")}
                                << "not a folder";
    }

    void badInputIsRefusedInOneLine() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QDir(dir_.path()).mkpath("full");
        writeText(dir_.filePath("full/mine.txt"), "keep");
        const QStringList before = treeOf(dir_.path());
        const QByteArray model = contents(dir_.filePath("poisson.json"));
        const CliResult exported = runCli(arguments);
        QCOMPARE(exported.exitCode, 1);
        QCOMPARE(exported.err.count('\n'), 1);
        QVERIFY2(exported.err.startsWith("error: ") && exported.err.contains(expected),
                 qPrintable(exported.err));
        QCOMPARE(treeOf(dir_.path()), before);
        QCOMPARE(contents(dir_.filePath("poisson.json")), model);
        QCOMPARE(contents(dir_.filePath("full/mine.txt")), QByteArray("keep"));
    }

    void badIdsAreRefused() {
        for (const QStringList& arguments :
             {QStringList{"export", project_, "--sweep", "one", "--csv", dir_.filePath("x")},
              QStringList{"export", project_, "--sweep", "1", "--run", "1", "--csv",
                          dir_.filePath("x")},
              QStringList{"export", project_, "--sweep", "1"}}) {
            const CliResult exported = runCli(arguments);
            QCOMPARE(exported.exitCode, 1);
            QVERIFY2(exported.err.startsWith("error: "), qPrintable(exported.err));
            QVERIFY(!QFileInfo::exists(dir_.filePath("x")));
        }
    }

    /// A run that cannot be read half-way through: no folder, no leftovers.
    void aFailureHalfWayWritesNothing() {
        const QString copy = dir_.filePath("damaged.spikestudio");
        QVERIFY(QFile::copy(project_, copy));
        {
            Project project(copy.toStdString());
            project.database().execute("UPDATE chunks SET data = x'ffffffff' WHERE monitor_id IN "
                                       "(SELECT id FROM monitors WHERE run_id = 3)");
        }
        QTemporaryDir parent;
        const QString out = parent.filePath("exported");
        const CliResult exported = runCli({"export", copy, "--sweep", "1", "--csv", out});
        QCOMPARE(exported.exitCode, 1);
        QCOMPARE(exported.err.count('\n'), 1);
        QVERIFY2(exported.err.contains("sweep 1, run 3"), qPrintable(exported.err));
        QCOMPARE(treeOf(parent.path()), QStringList());
    }
};

QTEST_MAIN(TestCliSweepExport)
#include "tst_cli_sweep_export.moc"
