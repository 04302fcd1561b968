// `--version`, and `--help`/`-h` for the whole command line and for every
// command: exit status 0 and the text on stdout; misuse still fails.
#include "support/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {

const QStringList kCommands{"run",    "check", "runs",   "sweep",
                            "sweeps", "merge", "export", "export-brian2"};

/// The newest version in packaging/changelog, which the build requires to be
/// the project's version.
QString changelogVersion() {
    QFile changelog(SPIKESTUDIO_SOURCE_DIR "/packaging/changelog");
    if (!changelog.open(QIODevice::ReadOnly))
        return "";
    const QRegularExpressionMatch match =
        QRegularExpression(R"(^spikestudio \(([^)]+)\))").match(changelog.readLine());
    return match.captured(1);
}

} // namespace

class TestCliHelp : public QObject {
    Q_OBJECT

private slots:
    void versionIsTheReleasedOne() {
        const QString version = changelogVersion();
        QVERIFY(!version.isEmpty());
        const CliResult result = runCli({"--version"});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, "spikestudio " + version + "\n");
        QCOMPARE(result.err, QString());
    }

    void overviewListsEveryCommand_data() {
        QTest::addColumn<QString>("option");
        QTest::newRow("--help") << "--help";
        QTest::newRow("-h") << "-h";
    }
    void overviewListsEveryCommand() {
        QFETCH(QString, option);
        const CliResult result = runCli({option});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.err, QString());
        for (const QString& command : kCommands)
            QVERIFY2(result.out.contains("\n  spikestudio " + command + " "), qPrintable(command));
        QVERIFY(result.out.contains("spikestudio --version"));
    }

    /// A build tree finds the source tree's examples where an installed
    /// binary finds its own: ../share/spikestudio/examples.
    void overviewNamesTheExamples() {
        const QString examples = QDir(SPIKESTUDIO_SOURCE_DIR "/resources/examples").canonicalPath();
        const CliResult result = runCli({"--help"});
        QVERIFY2(result.out.endsWith("\nexample models: " + examples + "\n"),
                 qPrintable(result.out));
    }

    void everyCommandHasHelp_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("option");
        for (const QString& command : kCommands)
            for (const char* option : {"--help", "-h"})
                QTest::newRow(qPrintable(command + " " + option)) << command << QString(option);
    }
    void everyCommandHasHelp() {
        QFETCH(QString, command);
        QFETCH(QString, option);
        // Without --help each of these fails: no MODEL or PROJECT is given.
        QCOMPARE(runCli({command}).exitCode, 1);
        const CliResult result = runCli({command, option});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.err, QString());
        QVERIFY2(result.out.startsWith("usage:\n  spikestudio " + command + " "),
                 qPrintable(result.out));
        QVERIFY(result.out.contains("-h, --help"));
        const QString synopsis = result.out.section("\n\n", 0, 0);
        for (const QString& other : kCommands)
            if (other != command)
                QVERIFY2(!synopsis.contains("spikestudio " + other + " "), qPrintable(other));
    }

    void commandHelpExplainsItsOptions_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("run") << "run" << QStringList{"--duration",     "--seed", "--csv",
                                                     "--final-state",  "--db",   "--plot",
                                                     "--show-kernels", "--tier"};
        QTest::newRow("export") << "export" << QStringList{"--run", "--csv"};
        QTest::newRow("sweep") << "sweep"
                               << QStringList{"--vary", "--zip",       "--seeds", "--duration",
                                              "--jobs", "--db",        "--csv",   "--tier",
                                              "--part", "--emit-jobs", "--tasks"};
        QTest::newRow("export-brian2")
            << "export-brian2" << QStringList{"--run", "-o", "--device", "--duration", "--seed"};
    }
    void commandHelpExplainsItsOptions() {
        QFETCH(QString, command);
        QFETCH(QStringList, options);
        const QString help = runCli({command, "--help"}).out;
        for (const QString& option : options) // a line of its own, not just the synopsis
            QVERIFY2(help.contains(QRegularExpression("\n  " + option + "\\b")),
                     qPrintable(option));
    }

    void misuseStillFails_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString cuba = SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json";
        QTest::newRow("unknown long option")
            << QStringList{"check", cuba, "--bogus"} << "error: unknown option --bogus\n";
        QTest::newRow("unknown short option")
            << QStringList{"check", cuba, "-x"} << "error: unknown option -x\n";
        QTest::newRow("help of an unknown command")
            << QStringList{"frobnicate", "--help"} << "error: unknown command 'frobnicate'\n";
        QTest::newRow("misspelt --version")
            << QStringList{"--versions"} << "error: unknown command '--versions'\n";
        QTest::newRow("option without its value")
            << QStringList{"run", cuba, "--tier"} << "error: option --tier needs a value\n";
        // An option of another command would be ignored, and the user's file never written.
        QTest::newRow("another command's option")
            << QStringList{"run", cuba, "-o", "out.csv"}
            << "error: option -o does not apply to 'run' (see spikestudio run --help)\n";
        QTest::newRow("a sweep's option to run")
            << QStringList{"run", cuba, "--vary", "we=1*mV"}
            << "error: option --vary does not apply to 'run' (see spikestudio run --help)\n";
        QTest::newRow("an option to check")
            << QStringList{"check", cuba, "--threads", "2"}
            << "error: option --threads does not apply to 'check' (see spikestudio check --help)\n";
    }
    void misuseStillFails() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliResult result = runCli(arguments);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith(message), qPrintable(result.err));
        QCOMPARE(result.out, QString());
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "tst_cli_help.moc"
