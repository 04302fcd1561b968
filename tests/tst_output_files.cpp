// Output files and the names they get. Names read from model and project
// files must be plain file names; every output is written to an exclusive
// temporary with an unpredictable name and renamed into place, so a planted
// symbolic link is never followed and a failed write (full disk, file size
// limit) leaves the earlier file intact and no temporary behind. Text printed
// for users is escaped.
#include "csv/CsvWriter.h"
#include "diagnostics/PrintableText.h"
#include "files/AtomicOutputFile.h"
#include "files/OutputName.h"
#include "runtime/RunResults.h"
#include "storage/Project.h"
#include "storage/StorageError.h"
#include "support/FileSizeLimit.h"
#include "support/FileTree.h"
#include "support/SmallDisk.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace spikestudio;

namespace {

/// One spike record per name, with a few spikes each.
RunResults resultsOfMonitors(const QStringList& names) {
    RunResults results;
    for (const QString& name : names) {
        SpikeRecord& record = results.spikes.emplace_back();
        record.monitor = name.toStdString();
        record.source = "G";
        record.countPerNeuron.assign(4, 0);
        const std::int32_t events[] = {0, 3};
        record.append(events, 2, 0.001);
    }
    return results;
}

std::string what(const std::function<void()>& action) {
    try {
        action();
    } catch (const std::exception& error) {
        return error.what();
    }
    return "";
}

} // namespace

class TestOutputFiles : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString freshDir(const QString& name) const { return freshDirectory(QDir(dir_.path()), name); }

private slots:
    void theFileAppearsOnlyWhenCommitted() {
        const QString dir = freshDir("commit");
        const QString path = dir + "/a.txt";
        {
            AtomicOutputFile file(path.toStdString());
            file.stream() << "hello";
            QVERIFY(!QFile::exists(path));
            const QString temporary = QString::fromStdString(file.temporaryPath());
            QCOMPARE(QFileInfo(temporary).absolutePath(), QFileInfo(path).absolutePath());
            QVERIFY(QFileInfo(temporary).fileName().startsWith('.'));
            file.commit();
        }
        QCOMPARE(contents(path), QByteArray("hello"));
        QCOMPARE(treeOf(dir), QStringList{"a.txt"});
    }

    void temporaryNamesCannotBePredicted() {
        const QString dir = freshDir("names");
        const std::string path = (dir + "/a.txt").toStdString();
        AtomicOutputFile first(path), second(path);
        QVERIFY(first.temporaryPath() != second.temporaryPath());
        QVERIFY(first.temporaryPath().find("a.txt") != std::string::npos);
    }

    void anUncommittedFileLeavesTheEarlierOne() {
        const QString dir = freshDir("uncommitted");
        writeText(dir + "/a.txt", "earlier");
        {
            AtomicOutputFile file((dir + "/a.txt").toStdString());
            file.stream() << "later";
        }
        QCOMPARE(contents(dir + "/a.txt"), QByteArray("earlier"));
        QCOMPARE(treeOf(dir), QStringList{"a.txt"});
    }

    void aSymlinkAtTheOldPartialNameIsNotFollowed() {
        const QString dir = freshDir("partial");
        writeText(dir + "/victim", "precious");
        QDir().mkpath(dir + "/out");
        QVERIFY(QFile::link(dir + "/victim", dir + "/out/spikes.csv.partial"));
        writeAllCsv(resultsOfMonitors({"spikes"}), (dir + "/out").toStdString());
        QCOMPARE(contents(dir + "/victim"), QByteArray("precious"));
        QVERIFY(QFileInfo(dir + "/out/spikes.csv.partial").isSymLink());
        QVERIFY(contents(dir + "/out/spikes.csv").startsWith("i,t [s]\n"));
    }

    void aSymlinkAtTheFinalNameIsRefused() {
        const QString dir = freshDir("final-link");
        writeText(dir + "/victim", "precious");
        QDir().mkpath(dir + "/out");
        QVERIFY(QFile::link(dir + "/victim", dir + "/out/spikes.csv"));
        const std::string error =
            what([&] { writeAllCsv(resultsOfMonitors({"spikes"}), (dir + "/out").toStdString()); });
        QVERIFY2(error.find("symbolic link") != std::string::npos, error.c_str());
        QCOMPARE(contents(dir + "/victim"), QByteArray("precious"));
        QCOMPARE(treeOf(dir + "/out"), QStringList{"spikes.csv"});
    }

    void aFolderOrDeviceAtTheFinalNameIsRefused() {
        const QString dir = freshDir("folder");
        QDir().mkpath(dir + "/spikes.csv");
        const std::string error =
            what([&] { writeAllCsv(resultsOfMonitors({"spikes"}), dir.toStdString()); });
        QVERIFY2(error.find("it is a folder") != std::string::npos, error.c_str());
        const std::string device = what([] { AtomicOutputFile file("/dev/null"); });
        QVERIFY2(device.find("not a regular file") != std::string::npos, device.c_str());
    }

    void aFailedWriteKeepsTheEarlierFile() {
        const QString dir = freshDir("limit");
        writeText(dir + "/big.txt", "earlier");
        std::string error;
        {
            const FileSizeLimit limit(64 * 1024);
            error = what([&] {
                AtomicOutputFile file((dir + "/big.txt").toStdString());
                file.stream() << std::string(1 << 20, 'x');
                file.commit();
            });
        }
        QVERIFY2(error.find("cannot write") != std::string::npos &&
                     error.find("larger than allowed") != std::string::npos &&
                     error.find("earlier file is unchanged") != std::string::npos,
                 error.c_str());
        QCOMPARE(contents(dir + "/big.txt"), QByteArray("earlier"));
        QCOMPARE(treeOf(dir), QStringList{"big.txt"});
    }

    void aFullDiskKeepsTheEarlierFile() {
        const SmallDisk disk(freshDir("full"));
        if (!disk.mounted())
            QSKIP("cannot mount a small tmpfs here (needs root)");
        writeText(disk.path() + "/spikes.csv", "earlier");
        const std::string error = what([&] {
            RunResults results = resultsOfMonitors({"spikes"});
            SpikeRecord& record = results.spikes.front();
            for (int k = 0; k < 20000; ++k) {
                const std::int32_t events[] = {1};
                record.append(events, 1, k * 1e-4);
            }
            writeAllCsv(results, disk.path().toStdString());
        });
        QVERIFY2(error.find("the disk is full") != std::string::npos, error.c_str());
        QCOMPARE(contents(disk.path() + "/spikes.csv"), QByteArray("earlier"));
        QCOMPARE(treeOf(disk.path()), QStringList{"spikes.csv"});
    }

    void keepingRefusesAFileThatAppearedMeanwhile() {
        const QString dir = freshDir("keep");
        AtomicOutputFile file((dir + "/a.txt").toStdString());
        file.stream() << "mine";
        writeText(dir + "/a.txt", "theirs");
        const std::string error = what([&] { file.commit(AtomicOutputFile::Existing::Keep); });
        QVERIFY2(error.find("created it meanwhile") != std::string::npos, error.c_str());
        QCOMPARE(contents(dir + "/a.txt"), QByteArray("theirs"));
    }

    void outputNames_data() {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << QByteArray("spikes") << true;
        QTest::newRow("utf8") << QByteArray("état_1") << true;
        QTest::newRow("dotted") << QByteArray(".hidden.v2") << true;
        QTest::newRow("empty") << QByteArray("") << false;
        QTest::newRow("dot") << QByteArray(".") << false;
        QTest::newRow("dotdot") << QByteArray("..") << false;
        QTest::newRow("absolute") << QByteArray("/abs/x") << false;
        QTest::newRow("parent") << QByteArray("../../x") << false;
        QTest::newRow("nested") << QByteArray("a/b") << false;
        QTest::newRow("backslash") << QByteArray("a\\b") << false;
        QTest::newRow("newline") << QByteArray("a\nb") << false;
        QTest::newRow("escape") << QByteArray("\x1b[2J") << false;
        QTest::newRow("not utf8") << QByteArray("a\xff") << false;
        QTest::newRow("override") << QByteArray("a\u202eb") << false;
        QTest::newRow("long") << QByteArray(201, 'x') << false;
        QTest::newRow("longest") << QByteArray(200, 'x') << true;
    }

    void outputNames() {
        QFETCH(QByteArray, name);
        QFETCH(bool, accepted);
        QCOMPARE(OutputName::problem(name.toStdString()).empty(), accepted);
    }

    void csvExportRefusesBadNamesWritingNothing_data() {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("expected");
        const QString outside = dir_.filePath("bad/escaped");
        QTest::newRow("absolute") << QStringList{"ok", outside} << "field 'name'";
        QTest::newRow("parent") << QStringList{"ok", "../../escaped"} << "field 'name'";
        QTest::newRow("nested") << QStringList{"a/b"} << "field 'name'";
        QTest::newRow("control") << QStringList{"a\x1b[2Jb"} << "control characters";
        QTest::newRow("case") << QStringList{"spikes", "Spikes"} << "differ only in case";
        QTest::newRow("same") << QStringList{"spikes", "spikes"} << "two monitors have this name";
    }

    void csvExportRefusesBadNamesWritingNothing() {
        QFETCH(QStringList, names);
        QFETCH(QString, expected);
        const QString root = freshDir("bad");
        const QString out = root + "/a/b/out";
        const std::string error =
            what([&] { writeAllCsv(resultsOfMonitors(names), out.toStdString()); });
        QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
        QVERIFY2(error.find("monitor") == 0, error.c_str());
        QVERIFY2(error.find('\x1b') == std::string::npos, error.c_str());
        QCOMPARE(treeOf(root), QStringList{});
    }

    void printableEscapes_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("printed");
        QTest::newRow("plain") << QByteArray("CUBA model") << QByteArray("CUBA model");
        QTest::newRow("newline") << QByteArray("a\nb") << QByteArray("a\\nb");
        QTest::newRow("tab, cr") << QByteArray("a\tb\r") << QByteArray("a\\tb\\r");
        QTest::newRow("ansi") << QByteArray("\x1b[31mred") << QByteArray("\\x1b[31mred");
        QTest::newRow("nul, del") << QByteArray("a\0b\x7f", 4) << QByteArray("a\\x00b\\x7f");
        QTest::newRow("c1 csi") << QByteArray("\xc2\x9b"
                                              "2J")
                                << QByteArray("\\u009b2J");
        QTest::newRow("override") << QByteArray("a\u202eb") << QByteArray("a\\u202eb");
        QTest::newRow("not utf8") << QByteArray("a\xff\xc3") << QByteArray("a\\xff\\xc3");
        QTest::newRow("utf8") << QByteArray("état µs 🧠") << QByteArray("état µs 🧠");
        QTest::newRow("backslash") << QByteArray("a\\nb") << QByteArray("a\\nb");
    }

    void printableEscapes() {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, printed);
        const std::string once = printable(std::string(text.constData(), text.size()));
        QCOMPARE(QByteArray::fromStdString(once), printed);
        QCOMPARE(printable(once), once);
    }

    void aNewProjectHoldsItsModelFromTheStart() {
        const QString dir = freshDir("new-project");
        const std::string path = (dir + "/p.spikestudio").toStdString();
        {
            Project project = Project::openOrCreate(path, "{\"first\": 1}");
            QCOMPARE(project.model()->modelJson, std::string("{\"first\": 1}"));
        }
        Project again = Project::openOrCreate(path, "{\"second\": 2}");
        QCOMPARE(again.model()->modelJson, std::string("{\"first\": 1}"));
        QVERIFY(treeOf(dir).filter(".partial").isEmpty());
    }

    void aProjectCreatedOnAFullDiskLeavesNoFile() {
        const SmallDisk disk(freshDir("full-project"), "size=48k");
        if (!disk.mounted())
            QSKIP("cannot mount a small tmpfs here (needs root)");
        const std::string error = what(
            [&] { Project::openOrCreate((disk.path() + "/p.spikestudio").toStdString(), "{}"); });
        QVERIFY2(error.find("the disk is full") != std::string::npos, error.c_str());
        QCOMPARE(treeOf(disk.path()), QStringList{});
    }

    void aProjectCreatedPastTheFileSizeLimitLeavesNoFile() {
        const QString dir = freshDir("limited-project");
        std::string error;
        {
            const FileSizeLimit limit(40 * 1024);
            error = what([&] { Project((dir + "/p.spikestudio").toStdString()); });
        }
        QVERIFY2(error.find("p.spikestudio") != std::string::npos, error.c_str());
        QCOMPARE(treeOf(dir), QStringList{});
    }

    void aStaleJournalBesideANewProjectIsRefused() {
        const QString dir = freshDir("stale");
        writeText(dir + "/p.spikestudio-wal", "planted");
        const std::string error = what([&] { Project((dir + "/p.spikestudio").toStdString()); });
        QVERIFY2(error.find("p.spikestudio-wal already exists") != std::string::npos,
                 error.c_str());
        QCOMPARE(treeOf(dir), QStringList{"p.spikestudio-wal"});
        writeText(dir + "/p.spikestudio-wal", ""); // an empty one holds nothing to replay
        QVERIFY(Project((dir + "/p.spikestudio").toStdString()).runs().empty());
    }

    void aSymlinkAtANewProjectsNameIsNotFollowed() {
        const QString dir = freshDir("project-link");
        QVERIFY(QFile::link(dir + "/elsewhere.spikestudio", dir + "/p.spikestudio"));
        const std::string error = what([&] { Project((dir + "/p.spikestudio").toStdString()); });
        QVERIFY2(error.find("symbolic link") != std::string::npos, error.c_str());
        QVERIFY(!QFile::exists(dir + "/elsewhere.spikestudio"));
    }

    void anEmptyProjectNameIsRefused() {
        const std::string error = what([] { Project(""); });
        QVERIFY2(error.find("file name is empty") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestOutputFiles)
#include "tst_output_files.moc"
