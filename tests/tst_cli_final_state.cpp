// `spikestudio run MODEL --final-state DIR` from the command line: the state
// of every group lands in DIR beside its index, and a bad DIR (missing or
// empty value, a path under a file, a planted symbolic link as the index) is
// refused with one line and exit status 1, writing nothing there.
#include "support/CliRunner.h"
#include "support/FileTree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString example(const char* name) {
    return QString(SPIKESTUDIO_SOURCE_DIR "/resources/examples/") + name;
}

QStringList runArguments(const QStringList& more) {
    return QStringList{"run", example("cuba_neurons.json"), "--duration", "2*ms", "--tier", "tcc"} +
           more;
}

} // namespace

class TestCliFinalState : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString freshDir(const QString& name) const { return freshDirectory(QDir(dir_.path()), name); }

private slots:
    void theStateIsWritten() {
        const QString out = dir_.filePath("new/state"); // created with its parents
        const CliResult run = runCli(runArguments({"--final-state", out}));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject index = QJsonDocument::fromJson(contents(out + "/index.json")).object();
        const QJsonArray objects = index["objects"].toArray();
        QCOMPARE(objects.size(), 1);
        QCOMPARE(objects[0]["name"].toString(), QString("P"));
        QCOMPARE(objects[0]["size"].toInt(), 4000);
        QCOMPARE(treeOf(out), (QStringList{"P.ge.npy", "P.gi.npy", "P.lastspike.npy",
                                           "P.not_refractory.npy", "P.v.npy", "index.json"}));
        // 4000 doubles after a 128-byte header at most
        const qint64 bytes = contents(out + "/P.v.npy").size();
        QVERIFY2(bytes > 4000 * 8 && bytes <= 4000 * 8 + 128, qPrintable(QString::number(bytes)));
    }

    void badFoldersAreRefused_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString file = dir_.filePath("a-file");
        QTest::newRow("no value") << QStringList{"--final-state"}
                                  << "error: option --final-state needs a value\n";
        QTest::newRow("empty value")
            << QStringList{"--final-state", ""}
            << "error: option --final-state needs a value, not an empty one\n";
        QTest::newRow("under a file")
            << QStringList{"--final-state", file + "/state"} << "error: cannot create the folder";
        QTest::newRow("index is a planted link")
            << QStringList{"--final-state", dir_.filePath("linked")} << "symbolic link";
    }

    void badFoldersAreRefused() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        writeText(dir_.filePath("a-file"), "precious");
        const QString linked = freshDir("linked");
        QVERIFY(QFile::link(dir_.filePath("a-file"), linked + "/index.json"));
        const CliResult run = runCli(runArguments(arguments));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.startsWith("error: ") && run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.count('\n') == 1 || message.endsWith("needs a value\n") ||
                     message.contains("empty one"), // these add the usage text
                 qPrintable(run.err));
        QCOMPARE(contents(dir_.filePath("a-file")), QByteArray("precious"));
        QCOMPARE(treeOf(linked), QStringList{"index.json"});
    }
};

QTEST_GUILESS_MAIN(TestCliFinalState)
#include "tst_cli_final_state.moc"
