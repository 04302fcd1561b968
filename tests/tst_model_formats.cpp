// The format registry (formats/ModelFormats) and the exporters: a file's
// format is told by its content, never its name (a renamed project still opens
// as a project), a name only one format may carry is not worn by another
// (a model file named .spikestudio is refused), unknown content and files that
// are no regular files are refused naming the file and the formats tried, the
// dialog filters come from the registered formats, and each exporter writes
// what it says. Brian2 itself is not needed: no script is run here.
#include "diagnostics/ModelError.h"
#include "diagnostics/UserError.h"
#include "formats/Exporters.h"
#include "formats/FormatFilters.h"
#include "formats/ModelFormats.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "storage/Project.h"
#include "support/FileTree.h"

#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace spikestudio;

namespace {

const QString kCuba = SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json";

std::string shortNameOf(const ModelFormat* format) {
    return format ? format->shortName() : "(none)";
}

/// How a message names a file: "'path': ".
QString about(const QString& path) {
    return "'" + path + "': ";
}

/// The message reading `path` is refused with; empty when it is not refused.
QString readingRefusal(const QString& path) {
    try {
        ModelFormats::forReading(path.toStdString());
    } catch (const UserError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestModelFormats : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    /// A project holding cuba.json's model, under any name.
    QString project(const QString& name) const {
        Project::openOrCreate(path(name).toStdString(), contents(kCuba).toStdString(),
                              R"({"P": [1, 2]})");
        return path(name);
    }

    QString file(const QString& name, const QByteArray& content) const {
        writeText(path(name), content);
        return path(name);
    }

private slots:
    void theRegistryListsEachFormatOnce() {
        QStringList names;
        for (const ModelFormat* format : ModelFormats::all())
            names << QString::fromStdString(format->shortName());
        QCOMPARE(names, QStringList({"project", "json", "brian2"}));
        QCOMPARE(ModelFormats::with(FormatCapability::Write).size(), size_t(2));
        QCOMPARE(shortNameOf(ModelFormats::with(FormatCapability::Import).at(0)),
                 std::string("brian2"));
        QCOMPARE(shortNameOf(ModelFormats::with(FormatCapability::KeepsRuns).at(0)),
                 std::string("project"));
        QVERIFY(!ModelFormats::byShortName("csv"));
    }

    // Each format is found by what the file holds, whatever its name says.
    void formatsAreToldByContent_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("format");
        QTest::newRow("model file as .txt") << "model.txt" << contents(kCuba) << "json";
        QTest::newRow("model file, blank first")
            << "model" << QByteArray("\n\t {\"a\": 1}") << "json";
        QTest::newRow("model file with a byte order mark")
            << "bom.json" << QByteArray("\xEF\xBB\xBF{}") << "json";
        QTest::newRow("script as .txt")
            << "script.txt" << QByteArray("'''doc'''\nfrom brian2 import *\nrun(1*ms)\n")
            << "brian2";
        QTest::newRow("script importing the module")
            << "net" << QByteArray("import numpy as np\n    import brian2 as b2\n") << "brian2";
        QTest::newRow("script importing a submodule")
            << "sub.py" << QByteArray("from brian2.units import ms\n") << "brian2";
        QTest::newRow("a comment is no import")
            << "comment.py" << QByteArray("# from brian2 import *\nprint(1)\n") << "(none)";
        QTest::newRow("another package")
            << "tools.py" << QByteArray("from brian2tools import plot\n") << "(none)";
        QTest::newRow("binary with an import")
            << "binary.py" << QByteArray("import brian2\n\0\1", 16) << "(none)";
        QTest::newRow("a JSON array") << "array.json" << QByteArray("[1, 2]") << "(none)";
        QTest::newRow("empty") << "empty.json" << QByteArray() << "(none)";
        QTest::newRow("a PNG") << "image.json" << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)
                               << "(none)";
    }

    void formatsAreToldByContent() {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, format);
        const QString written = file(name, content);
        QCOMPARE(
            QString::fromStdString(shortNameOf(ModelFormats::ofContent(written.toStdString()))),
            format);
    }

    void aRenamedProjectStillOpensAsAProject() {
        const QString renamed = project("renamed.json");
        const ModelFormat& format = ModelFormats::forReading(renamed.toStdString());
        QCOMPARE(format.shortName(), std::string("project"));
        const LoadedModel loaded = format.read(renamed.toStdString());
        QVERIFY(loaded.keepsRuns);
        QVERIFY(!loaded.imported);
        QCOMPARE(loaded.format, &format);
        QCOMPARE(loaded.layoutJson, std::string(R"({"P": [1, 2]})"));
        QCOMPARE(writeModelJson(loaded.model), writeModelJson(readModelFile(kCuba.toStdString())));
        QVERIFY(ModelFormats::keepsRuns(renamed.toStdString()));
        // Saving to it keeps it a project (and its runs), never a model file over it.
        QCOMPARE(ModelFormats::forWriting(renamed.toStdString()).shortName(),
                 std::string("project"));
    }

    void aModelFileReadsAsOne() {
        const QString model = file("model.txt", contents(kCuba));
        const LoadedModel loaded =
            ModelFormats::forReading(model.toStdString()).read(model.toStdString());
        QCOMPARE(loaded.format->shortName(), std::string("json"));
        QVERIFY(!loaded.keepsRuns);
        QVERIFY(loaded.layoutJson.empty());
        QCOMPARE(QByteArray::fromStdString(loaded.text), contents(kCuba));
        QVERIFY(!ModelFormats::keepsRuns(model.toStdString()));
    }

    void aModelFileNamedAsAProjectIsRefused() {
        const QString fake = file("fake.spikestudio", contents(kCuba));
        const QString message = readingRefusal(fake);
        QVERIFY2(message.startsWith(about(fake)), qPrintable(message));
        QVERIFY2(message.contains("holds a Spike Studio model file") &&
                     message.contains("only a Spike Studio project may") &&
                     message.contains("rename it to .json"),
                 qPrintable(message));
        QVERIFY(!message.contains('\n'));
        QVERIFY_THROWS_EXCEPTION(ModelError, ModelFormats::forWriting(fake.toStdString()));
        QCOMPARE(contents(fake), contents(kCuba));
    }

    void unknownContentIsRefusedNamingTheFormatsTried() {
        const QString notes = file("notes.json", "just some notes\n");
        const QString message = readingRefusal(notes);
        QCOMPARE(message, about(notes) +
                              "Spike Studio cannot tell what this file is: it is not a "
                              "Spike Studio project, a Spike Studio model file or a Brian2 "
                              "script");
    }

    void missingAndSpecialFilesAreRefused() {
        QCOMPARE(readingRefusal(path("missing.json")),
                 about(path("missing.json")) + "no such file");
        QCOMPARE(readingRefusal(dir_.path()), about(dir_.path()) + "not a regular file");
        // A FIFO would block a reader forever: it is neither read nor sniffed.
        const QString fifo = path("pipe.json");
        QCOMPARE(mkfifo(fifo.toLocal8Bit().constData(), 0600), 0);
        QCOMPARE(readingRefusal(fifo), about(fifo) + "not a regular file");
        QVERIFY(!ModelFormats::ofContent(fifo.toStdString()));
        QVERIFY(!ModelFormats::keepsRuns(fifo.toStdString()));
    }

    // A file not written yet takes the format its name says; a model file otherwise.
    void writingChoosesByNameForNewFiles() {
        QCOMPARE(ModelFormats::forWriting(path("new.spikestudio").toStdString()).shortName(),
                 std::string("project"));
        QCOMPARE(ModelFormats::forWriting(path("new.json").toStdString()).shortName(),
                 std::string("json"));
        QCOMPARE(ModelFormats::forWriting(path("new.txt").toStdString()).shortName(),
                 std::string("json"));
        // An existing script is no format to write: its name decides.
        const QString script = file("old.json", "from brian2 import *\n");
        QCOMPARE(ModelFormats::forWriting(script.toStdString()).shortName(), std::string("json"));
    }

    void writtenFilesReadBack() {
        const Model cuba = readModelFile(kCuba.toStdString());
        for (const ModelFormat* format : ModelFormats::with(FormatCapability::Write)) {
            const std::string written =
                path("written." + QString::fromStdString(format->extensions().front()))
                    .toStdString();
            format->write(cuba, R"({"P": [3, 4]})", written);
            QCOMPARE(ModelFormats::ofContent(written), format);
            const LoadedModel loaded = format->read(written);
            QCOMPARE(writeModelJson(loaded.model), writeModelJson(cuba));
            QCOMPARE(loaded.keepsRuns, format->can(FormatCapability::KeepsRuns));
        }
    }

    void aFormatThatCannotWriteSaysSo() {
        const ModelFormat& script = *ModelFormats::byShortName("brian2");
        try {
            script.write(Model{}, "{}", path("out.py").toStdString());
            QFAIL("a Brian2 script was written as a model format");
        } catch (const ModelError& error) {
            QCOMPARE(QString(error.what()),
                     about(path("out.py")) + "Spike Studio cannot write a Brian2 script");
        }
        QVERIFY(!QFile::exists(path("out.py")));
    }

    void dialogFiltersComeFromTheRegistry() {
        const FormatFilters open(FormatCapability::Read, "Spike Studio projects and models");
        QCOMPARE(open.filters(), std::vector<std::string>(
                                     {"Spike Studio projects and models (*.spikestudio *.json)",
                                      "Spike Studio project (*.spikestudio)",
                                      "Spike Studio model file (*.json)", "All files (*)"}));
        QCOMPARE(open.joined(),
                 std::string("Spike Studio projects and models (*.spikestudio *.json);;Spike "
                             "Studio project (*.spikestudio);;Spike Studio model file "
                             "(*.json);;All files (*)"));
        QCOMPARE(shortNameOf(open.formatOf("Spike Studio model file (*.json)")),
                 std::string("json"));
        QVERIFY(!open.formatOf("All files (*)"));
        QVERIFY(!open.formatOf(open.filters().front()));

        const FormatFilters import(FormatCapability::Import, "unused");
        QCOMPARE(import.filters(),
                 std::vector<std::string>({"Brian2 script (*.py)", "All files (*)"}));
    }

    void theExportersAreRegistered() {
        QStringList names;
        for (const Exporter* exporter : Exporters::all())
            names << QString::fromStdString(exporter->shortName());
        QCOMPARE(names, QStringList({"brian2", "json"}));
        const Exporter& brian2 = *Exporters::byShortName("brian2");
        QCOMPARE(brian2.choices().size(), size_t(4));
        QCOMPARE(brian2.choices().front().id, std::string("runtime"));
        QCOMPARE(brian2.nameFilters().at(2),
                 std::string("Brian2 script, brian2cuda: NVIDIA GPUs (*.py)"));
        QCOMPARE(Exporters::byShortName("json")->nameFilters(),
                 std::vector<std::string>({"Model file copy (*.json)"}));
        QVERIFY(!Exporters::byShortName("nest"));
    }

    // A stored run's seed and duration go into the copy, so it runs as the run did.
    void theModelCopyTakesTheRunsSeedAndDuration() {
        const Exporter& copy = *Exporters::byShortName("json");
        const std::string out = path("copy.json").toStdString();
        QVERIFY(copy.write({contents(kCuba).toStdString(), "0.25*second", 7}, "", out).empty());
        const Model written = readModelFile(out);
        QCOMPARE(written.seed, std::optional<std::uint32_t>(7));
        QCOMPARE(written.duration, std::string("0.25*second"));
        Model expected = readModelFile(kCuba.toStdString());
        expected.seed = 7;
        expected.duration = "0.25*second";
        QCOMPARE(writeModelJson(written), writeModelJson(expected));
    }

    void theModelCopyRefusesBadInput() {
        const Exporter& copy = *Exporters::byShortName("json");
        const std::string out = path("refused.json").toStdString();
        QVERIFY_THROWS_EXCEPTION(ModelError, copy.write({"{not json", {}, {}}, "", out));
        QVERIFY_THROWS_EXCEPTION(ModelError,
                                 copy.write({contents(kCuba).toStdString(), {}, {}}, "gpu", out));
        QVERIFY(!QFile::exists(QString::fromStdString(out)));
    }
};

QTEST_GUILESS_MAIN(TestModelFormats)
#include "tst_model_formats.moc"
