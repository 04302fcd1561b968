// The File menu is built from the format registry and the exporters: Open
// offers the readable formats' filters, Save As the writable ones (and the
// type picked names a file without an extension), Import one entry per
// importing format, Export one per exporter. Open tells a file by content: a
// renamed project opens as a project and records runs into it, a model file
// named .spikestudio, unknown content and a Brian2 script (whose code must
// not run unasked) are refused with one message, the model being edited
// kept. The model file copy exporter writes while the window keeps its file.
// Offscreen; no script is run.
#include "MainWindow.h"
#include "document/ModelDocument.h"
#include "formats/Exporters.h"
#include "formats/FormatFilters.h"
#include "formats/ModelFormats.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "run/RunView.h"
#include "runs/ScratchProject.h"
#include "storage/Project.h"
#include "support/FileTree.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

const QString kCuba = SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json";

QStringList actionTexts(const QMenu* menu) {
    QStringList texts;
    for (const QAction* action : menu->actions())
        texts << action->text().remove('&');
    return texts;
}

} // namespace

class TestGuiFormats : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    QStringList messages_;
    QString offeredFilters_;
    QString fileToOpen_;
    QString savePath_;
    QString chosenFilter_;

    QString path(const QString& name) const { return dir_.filePath(name); }
    QMenu* menu(const QString& name) const { return window_->findChild<QMenu*>(name); }
    QString modelText() const {
        return QString::fromStdString(writeModelJson(window_->document()->model()));
    }

    /// Opening `file` is refused with one message containing every part of `expected`.
    void refusesToOpen(const QString& file, const QStringList& expected) {
        const QString before = modelText();
        fileToOpen_ = file;
        window_->action("open")->trigger();
        QCOMPARE(messages_.size(), 1);
        for (const QString& part : expected)
            QVERIFY2(messages_.first().contains(part), qPrintable(messages_.first()));
        QCOMPARE(modelText(), before);
        QCOMPARE(window_->document()->filePath(), kCuba);
    }

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", path("config").toUtf8());
        qputenv("XDG_DATA_HOME", path("data").toUtf8());
        qputenv("SPIKESTUDIO_CACHE_DIR", path("cache").toUtf8());
        QVERIFY(ScratchProject::path().startsWith(dir_.path()));
    }

    void init() {
        messages_.clear();
        window_ = std::make_unique<MainWindow>();
        window_->setAutosaveDirectory(path("autosave"));
        window_->setMessageHandler(
            [this](const QString&, const QString& text) { messages_ << text; });
        window_->setUnsavedChangesHandler([] { return MainWindow::UnsavedChoice::Discard; });
        window_->setFileToOpenHandler([this](const QString& filters) {
            offeredFilters_ = filters;
            return fileToOpen_;
        });
        window_->setSavePathHandler(
            [this](const QString&, const QString& filters, QString* chosen) {
                offeredFilters_ = filters;
                *chosen = chosenFilter_;
                return savePath_;
            });
        QVERIFY(window_->openModelFile(kCuba));
    }

    void cleanup() { window_.reset(); }

    void openOffersTheReadableFormats() {
        fileToOpen_.clear(); // cancelled
        window_->action("open")->trigger();
        const FormatFilters readable(FormatCapability::Read, "Spike Studio projects and models");
        QCOMPARE(offeredFilters_, QString::fromStdString(readable.joined()));
        QVERIFY(offeredFilters_.contains("Spike Studio project (*.spikestudio)"));
        QVERIFY(!offeredFilters_.contains("*.py")); // scripts are imported, not opened
        QVERIFY(messages_.isEmpty());
    }

    void theImportMenuListsTheImportingFormats() {
        QStringList expected;
        for (const ModelFormat* format : ModelFormats::with(FormatCapability::Import)) {
            expected << QString::fromStdString(format->name()) + "…";
            QVERIFY(window_->action("import:" + QString::fromStdString(format->shortName())));
        }
        QCOMPARE(actionTexts(menu("importMenu")), expected);
        QCOMPARE(expected, QStringList{"Brian2 script…"});
    }

    void theExportMenuListsTheExporters() {
        QStringList expected;
        QStringList asked;
        window_->setExportTargetHandler([&asked](const Exporter& exporter) {
            asked << QString::fromStdString(exporter.shortName());
            return std::optional<MainWindow::ExportTarget>(); // cancelled
        });
        for (const Exporter* exporter : Exporters::all()) {
            expected << QString::fromStdString(exporter->name()) + "…";
            QAction* action =
                window_->action("export:" + QString::fromStdString(exporter->shortName()));
            QCOMPARE(action->statusTip(), QString::fromStdString(exporter->description()));
            action->trigger();
        }
        QCOMPARE(actionTexts(menu("exportMenu")), expected);
        QCOMPARE(expected, QStringList({"Brian2 script…", "Model file copy…"}));
        QCOMPARE(asked, QStringList({"brian2", "json"})); // each entry asks for its own exporter
    }

    void theModelCopyKeepsTheWindowsFile() {
        Model model = window_->document()->model();
        model.seed = 11; // unsaved: the copy takes the model being edited
        window_->document()->load(model, kCuba);
        const QString copy = path("copy.json");
        QVERIFY(window_->exportModel(*Exporters::byShortName("json"), {copy, {}}));
        QCOMPARE(readModelFile(copy.toStdString()).seed, std::optional<std::uint32_t>(11));
        QCOMPARE(window_->document()->filePath(), kCuba);
        QVERIFY(!window_->exportModel(*Exporters::byShortName("json"),
                                      {path("no-such-folder/copy.json"), {}}));
        QCOMPARE(messages_.size(), 1);
    }

    void aRenamedProjectOpensAsAProject() {
        const QString renamed = path("renamed.json");
        Project::openOrCreate(renamed.toStdString(), contents(kCuba).toStdString(),
                              R"({"positions": {"P": [10, 20]}})");
        fileToOpen_ = renamed;
        window_->action("open")->trigger();
        QVERIFY2(messages_.isEmpty(), qPrintable(messages_.join('\n')));
        QCOMPARE(window_->document()->filePath(), renamed);
        QCOMPARE(window_->document()->layout().value("P"), QPointF(10, 20));
        QCOMPARE(QString::fromStdString(window_->runView()->projectPath()), renamed); // runs go in
        // Saving keeps it a project.
        QVERIFY(window_->saveModelFile(renamed));
        QCOMPARE(ModelFormats::ofContent(renamed.toStdString())->shortName(),
                 std::string("project"));
    }

    void aModelFileNamedAsAProjectIsRefused() {
        const QString fake = path("fake.spikestudio");
        writeText(fake, contents(kCuba));
        refusesToOpen(fake, {"fake.spikestudio", "rename it to .json"});
    }

    void unknownContentIsRefusedNamingTheFormats() {
        const QString notes = path("notes.txt");
        writeText(notes, "shopping list\n");
        refusesToOpen(notes, {"notes.txt", "Spike Studio project", "Spike Studio model file",
                              "Brian2 script"});
    }

    // Open never runs a script: the script would leave a file behind.
    void aScriptIsNotRunByOpen() {
        const QString script = path("net.py");
        const QString trace = path("ran.txt");
        writeText(script, ("from brian2 import *\nopen('" + trace + "', 'w').close()\n").toUtf8());
        refusesToOpen(script, {"net.py", "File > Import > Brian2 script"});
        QVERIFY(!QFile::exists(trace));
    }

    void saveAsUsesTheChosenTypeAndTheWritableFilters() {
        savePath_ = path("mine");
        chosenFilter_ = "Spike Studio model file (*.json)";
        window_->action("saveAs")->trigger();
        const FormatFilters writable(FormatCapability::Write, "Spike Studio projects and models");
        QCOMPARE(offeredFilters_, QString::fromStdString(writable.joined()));
        QVERIFY2(messages_.isEmpty(), qPrintable(messages_.join('\n')));
        QCOMPARE(window_->document()->filePath(), path("mine.json"));
        QCOMPARE(ModelFormats::ofContent(path("mine.json").toStdString())->shortName(),
                 std::string("json"));

        savePath_ = path("mine-too"); // no type picked: a project
        chosenFilter_ = writable.filters().front().c_str();
        window_->action("saveAs")->trigger();
        QCOMPARE(window_->document()->filePath(), path("mine-too.spikestudio"));
        QVERIFY(ModelFormats::keepsRuns(path("mine-too.spikestudio").toStdString()));
        QCOMPARE(QString::fromStdString(window_->runView()->projectPath()),
                 path("mine-too.spikestudio"));
    }

    void savingAModelFileOverAProjectNameIsRefused() {
        const QString fake = path("taken.spikestudio");
        writeText(fake, contents(kCuba));
        QVERIFY(!window_->saveModelFile(fake));
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_.first().contains("rename it to .json"), qPrintable(messages_.first()));
        QCOMPARE(contents(fake), contents(kCuba));
        QCOMPARE(window_->document()->filePath(), kCuba);
    }
};

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    TestGuiFormats test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_formats.moc"
