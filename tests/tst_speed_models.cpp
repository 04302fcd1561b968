// bench/speed_models.py, Brian2's speed tests as Spike Studio models, cannot rot:
// it covers every speed test class of the installed Brian2, every family it
// writes checks and runs 1 ms at its smallest size; bad arguments and a failing
// write get one line, exit status 1 and no file. bench/speed_table.py --speedtests refuses bad
// options before running anything, skips sizes over its memory budget, and
// computes its ratios from the rows of one table. Needs /usr/bin/python3 (Brian2
// only for the coverage check); nothing here is timed.
#include "support/CliRunner.h"
#include "support/FileSizeLimit.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

const QString kPython = "/usr/bin/python3";
const QString kBench = SPIKESTUDIO_SOURCE_DIR "/bench";
const QString kBrianSpeedTests = "/usr/lib/python3/dist-packages/brian2/tests/features/speed.py";

struct Family {
    QString name;
    int smallest = 0;
};

} // namespace

class TestSpeedModels : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    /// Runs a program with HOME and the kernel cache inside the test's
    /// directory; fileSizeLimit > 0 limits the size of the files it writes.
    CliResult runProgram(const QString& program, const QStringList& arguments,
                         rlim_t fileSizeLimit = 0) {
        QProcess process;
        if (fileSizeLimit > 0)
            process.setChildProcessModifier(
                [fileSizeLimit] { FileSizeLimit::applyInChild(fileSizeLimit); });
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("HOME", dir_.filePath("home"));
        environment.insert("SPIKESTUDIO_CACHE_DIR", dir_.filePath("cache"));
        process.setProcessEnvironment(environment);
        process.start(program, arguments);
        process.waitForFinished(300000);
        CliResult result;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    CliResult generator(const QStringList& arguments) {
        return runProgram(kPython, QStringList{kBench + "/speed_models.py"} + arguments);
    }

    CliResult speedTable(const QStringList& arguments) {
        return runProgram(kPython,
                          QStringList{kBench + "/speed_table.py", SPIKESTUDIO_CLI, "--speedtests"} +
                              arguments);
    }

    /// The families `speed_models.py list` names (none when it fails).
    QList<Family> families() {
        const CliResult listed = generator({"list"});
        QList<Family> result;
        if (listed.exitCode != 0)
            return result;
        for (const QString& line : listed.out.split('\n', Qt::SkipEmptyParts)) {
            const QStringList fields = line.split('\t');
            result.append({fields.value(0), fields.value(1).split(',').value(0).toInt()});
        }
        return result;
    }

    static QByteArray csvHeader() {
        return "test,n,tool,threads,status,reps,simulate_s,simulate_cpu_s,whole_s,whole_cpu_s,"
               "brian2_timer_s,peak_rss_kb,spikes,synapses,codegen_s,compile_s,load_average,"
               "note\n";
    }

    static void verifyOneLineError(const CliResult& result, const QString& prefix) {
        QCOMPARE(result.exitCode, 1);
        const QString message = result.err.trimmed();
        QVERIFY2(!message.isEmpty() && !message.contains('\n'), qPrintable(result.err));
        QVERIFY2(message.startsWith(prefix), qPrintable(message));
        QVERIFY2(!message.contains("Traceback"), qPrintable(message));
    }

    QString writeFile(const QString& name, const QByteArray& content) {
        const QString path = dir_.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return path;
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QDir().mkpath(dir_.filePath("home"));
        if (!QFile::exists(kPython))
            QSKIP("no /usr/bin/python3");
    }

    void listsEveryFamily() {
        QStringList names;
        for (const Family& family : families()) {
            names.append(family.name);
            QVERIFY2(family.smallest >= 1, qPrintable(family.name));
        }
        for (const char* name :
             {"LinearNeuronsOnly", "HHNeuronsOnly", "HHNeuronsOnlyExponentialEuler",
              "CUBAFixedConnectivity", "COBAHHFixedConnectivity", "STDP",
              "VerySparseMediumRateSynapsesOnly", "SparseMediumRateSynapsesOnly",
              "DenseMediumRateSynapsesOnly", "SparseLowRateSynapsesOnly",
              "SparseHighRateSynapsesOnly"})
            QVERIFY2(names.contains(name), name);
    }

    void coversEveryBrianSpeedTest() {
        QFile speedTests(kBrianSpeedTests);
        if (!speedTests.open(QIODevice::ReadOnly))
            QSKIP("Brian2's speed tests are not installed (python3-brian)");
        const QString text = QString::fromUtf8(speedTests.readAll());
        QStringList listed;
        for (const Family& family : families())
            listed.append(family.name);
        QRegularExpression speedTestClass(R"(^class (\w+)\(.*SpeedTest\):)",
                                          QRegularExpression::MultilineOption);
        int classes = 0;
        for (auto match = speedTestClass.globalMatch(text); match.hasNext(); ++classes) {
            const QString name = match.next().captured(1);
            QVERIFY2(listed.contains(name), qPrintable(name + " has no model family"));
        }
        QVERIFY(classes >= 10);
    }

    void everyFamilyChecksAndRuns_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("smallest");
        for (const Family& family : families())
            QTest::newRow(qPrintable(family.name)) << family.name << family.smallest;
    }

    void everyFamilyChecksAndRuns() {
        QFETCH(QString, name);
        QFETCH(int, smallest);
        QVERIFY(smallest >= 1);
        const QString path = dir_.filePath(name + ".json");
        const CliResult written = generator({"write", name, QString::number(smallest), path});
        QVERIFY2(written.exitCode == 0, qPrintable(written.err));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject model = QJsonDocument::fromJson(file.readAll()).object();
        bool sizedGroup = false;
        for (const QJsonValue& group : model["groups"].toArray())
            sizedGroup = sizedGroup || group.toObject()["N"].toInt() == smallest;
        QVERIFY2(sizedGroup, "no group has the requested N");

        const CliResult checked = runCli({"check", path});
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.err));
        const CliResult ran =
            runProgram(SPIKESTUDIO_CLI, {"run", path, "--duration", "1*ms", "--tier", "tcc"});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
        QVERIFY2(ran.out.contains("simulate") && ran.out.contains("(10 steps"),
                 qPrintable(ran.out));
    }

    void generatorRefusesBadArguments_data() {
        QTest::addColumn<QStringList>("arguments");
        const QString out = "bad.json";
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"writ", "STDP", "100", out};
        QTest::newRow("unknown test") << QStringList{"write", "CUBA", "100", out};
        QTest::newRow("N not a number") << QStringList{"write", "STDP", "ten", out};
        QTest::newRow("N zero") << QStringList{"write", "STDP", "0", out};
        QTest::newRow("N negative") << QStringList{"write", "STDP", "-5", out};
        QTest::newRow("N too large") << QStringList{"write", "STDP", "2000000000", out};
        QTest::newRow("missing path") << QStringList{"write", "STDP", "100"};
        QTest::newRow("missing directory")
            << QStringList{"write", "STDP", "100", "no/such/dir/bad.json"};
    }

    void generatorRefusesBadArguments() {
        QFETCH(QStringList, arguments);
        for (QString& argument : arguments)
            if (argument.endsWith(".json"))
                argument = dir_.filePath(argument);
        verifyOneLineError(generator(arguments), "speed_models.py: ");
        QVERIFY(!QFile::exists(dir_.filePath("bad.json")));
        QVERIFY(
            QDir(dir_.path()).entryList({".speed_model_*"}, QDir::Hidden | QDir::Files).isEmpty());
    }

    void generatorWritesAModelCompletelyOrNotAtAll() {
        const QString path = dir_.filePath("partial.json");
        const CliResult result = runProgram(
            kPython, {kBench + "/speed_models.py", "write", "COBAHHFixedConnectivity", "100", path},
            100);
        verifyOneLineError(result, "speed_models.py: cannot write " + path);
        QVERIFY(!QFile::exists(path));
        QVERIFY(
            QDir(dir_.path()).entryList({".speed_model_*"}, QDir::Hidden | QDir::Files).isEmpty());
    }

    void speedTableRefusesBadOptions_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("unknown test") << QStringList{"--tests", "CUBA"};
        QTest::newRow("zero reps") << QStringList{"--reps", "0"};
        QTest::newRow("size not a number") << QStringList{"--sizes", "10,many"};
        QTest::newRow("unknown skip") << QStringList{"--skip", "cython"};
        QTest::newRow("plot format") << QStringList{"--plot", "plot.pdf"};
        QTest::newRow("csv directory") << QStringList{"--csv", "no/such/dir/table.csv"};
        QTest::newRow("negative budget") << QStringList{"--memory-budget", "-1"};
        QTest::newRow("missing csv") << QStringList{"--from-csv", "no-such.csv"};
    }

    void speedTableRefusesBadOptions() {
        QFETCH(QStringList, arguments);
        verifyOneLineError(speedTable(arguments), "speed_table.py --speedtests: ");
    }

    void speedTableRefusesAMissingBinary() {
        const CliResult result =
            runProgram(kPython, {kBench + "/speed_table.py", dir_.filePath("no-binary"),
                                 "--speedtests", "--dry-run"});
        verifyOneLineError(result, "speed_table.py --speedtests: ");
    }

    void speedTableRefusesABadCsv_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not its CSV") << QByteArray("a,b\n1,2\n");
        QTest::newRow("not a number")
            << csvHeader() + "STDP,many,Spike Studio,1,ok,1,1,1,1,1,,1,1,1,,1,1,\n";
    }

    void speedTableRefusesABadCsv() {
        QFETCH(QByteArray, content);
        const QString path = writeFile("bad.csv", content);
        verifyOneLineError(speedTable({"--from-csv", path}), "speed_table.py --speedtests: ");
    }

    void speedTableSkipsSizesOverTheMemoryBudget() {
        const CliResult result =
            speedTable({"--dry-run", "--tests", "CUBAFixedConnectivity", "--memory-budget", "0.5"});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(QRegularExpression(
                     R"(\| CUBAFixedConnectivity \| 10 \| [\d.]+ GB \| run \|)")),
                 qPrintable(result.out));
        QVERIFY2(
            result.out.contains(QRegularExpression(
                R"(\| CUBAFixedConnectivity \| 100,000 \| [\d.]+ GB \| skipped: estimated peak memory [\d.]+ GB exceeds the budget of 0.5 GB \|)")),
            qPrintable(result.out));
        QVERIFY(!result.out.contains("STDP"));
    }

    void speedTableRatiosComeFromTheSameTable() {
        const QString path = writeFile(
            "table.csv", csvHeader() +
                             "STDP,100,Spike Studio,1,ok,3,1.5,1.2,2.0,1.9,,1000,150,100,,0.5,1,\n"
                             "STDP,100,Brian2 1 thread,1,ok,3,3.0,2.4,8.0,7.5,2.9,900,148,100,2,12,"
                             "1,\n"
                             "STDP,100,Brian2 OpenMP,2,ok,3,2.0,3.5,4.0,7.9,2.0,950,151,100,2,13,1,"
                             "\n"
                             "STDP,500,,,skipped,,,,,,,,,,,,,too big\n");
        const bool matplotlib = runProgram(kPython, {"-c", "import matplotlib"}).exitCode == 0;
        const QString plot = dir_.filePath("plot.svg");
        const CliResult result =
            speedTable(matplotlib ? QStringList{"--from-csv", path, "--plot", plot}
                                  : QStringList{"--from-csv", path});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        if (matplotlib) {
            QFile svg(plot);
            QVERIFY(svg.open(QIODevice::ReadOnly));
            QVERIFY(svg.readAll().contains("<svg"));
        }
        // Spike Studio: simulate 1.5/3.0 and 1.5/2.0, CPU 1.2/2.4;
        // OpenMP against one thread: simulate 2/3
        QVERIFY2(result.out.contains("| STDP | 100 | Spike Studio | 1 | 1.5 s | 1.2 s | 2 s | 150 "
                                     "| 0.5 | 0.75 | 0.5 | 3 |"),
                 qPrintable(result.out));
        QVERIFY2(result.out.contains("| STDP | 100 | Brian2 1 thread | 1 | 3 s | 2.4 s | 8 s | 148 "
                                     "|  |  |  | 3 |"),
                 qPrintable(result.out));
        QVERIFY2(result.out.contains("| STDP | 100 | Brian2 OpenMP | 2 | 2 s | 3.5 s | 4 s | 151 "
                                     "| 0.67 |  |  | 3 |"),
                 qPrintable(result.out));
        QVERIFY2(result.out.contains("| STDP | 500 | too big |"), qPrintable(result.out));
    }
};

QTEST_GUILESS_MAIN(TestSpeedModels)
#include "tst_speed_models.moc"
