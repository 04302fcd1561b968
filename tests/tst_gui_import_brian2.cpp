// File > Import > Brian2 Script…: the script runs through the command line's
// importer on a worker thread (the window keeps answering), and its model
// opens as a new, unsaved model; a script the importer refuses is explained
// in a message box and leaves the model being edited as it was. Offscreen;
// skipped without Brian2.
#include "MainWindow.h"
#include "document/ModelDocument.h"
#include "importing/ScriptImporter.h"
#include "runs/ScratchProject.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

const QString kExamples = SPIKESTUDIO_SOURCE_DIR "/resources/examples";
const QString kScripts = SPIKESTUDIO_SOURCE_DIR "/tests/brian2_scripts";

bool brianInstalled() {
    QProcess python;
    python.start("/usr/bin/python3", {"-c", "import brian2"});
    return python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit &&
           python.exitCode() == 0;
}

} // namespace

class TestGuiImportBrian2 : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    QStringList messages_;
    QString script_;

    /// Imports through the File menu's action and waits for the importer.
    void importThroughTheMenu(const QString& script) {
        script_ = script;
        window_->action("import:brian2")->trigger();
        QVERIFY(!window_->action("import:brian2")->isEnabled()); // one import at a time
        QTRY_VERIFY_WITH_TIMEOUT(!window_->scriptImporter()->isRunning(), 180000);
        QTRY_VERIFY(window_->action("import:brian2")->isEnabled());
    }

private slots:
    void initTestCase() {
        QDir(dir_.path()).mkpath("home");
        qputenv("HOME", dir_.filePath("home").toUtf8()); // Brian2 writes its cache here
        qputenv("XDG_CONFIG_HOME", dir_.filePath("config").toUtf8());
        qputenv("XDG_DATA_HOME", dir_.filePath("data").toUtf8());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("cache").toUtf8());
        qunsetenv("SPIKESTUDIO_PYTHON");
        QVERIFY(ScratchProject::path().startsWith(dir_.path()));
        if (!brianInstalled())
            QSKIP("python3-brian is not installed: the Brian2 importer cannot be tested");
    }

    void init() {
        messages_.clear();
        window_ = std::make_unique<MainWindow>();
        window_->setAutosaveDirectory(dir_.filePath("autosave"));
        window_->setMessageHandler([this](const QString& title, const QString& text) {
            messages_ << title + ": " + text;
        });
        window_->setUnsavedChangesHandler([] { return MainWindow::UnsavedChoice::Discard; });
        window_->setFileToImportHandler([this](const ModelFormat&) { return script_; });
        QVERIFY(window_->openModelFile(kExamples + "/cuba.json"));
    }

    void cleanup() { window_.reset(); }

    void theFileMenuHasTheImport() {
        auto* menu = window_->findChild<QMenu*>("importMenu");
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(window_->action("import:brian2")));
        QVERIFY(window_->action("import:brian2")->statusTip().contains("the script runs"));
    }

    void aScriptOpensAsAnUnsavedModel() {
        importThroughTheMenu(kScripts + "/lif_exact.py");
        QVERIFY2(messages_.isEmpty(), qPrintable(messages_.join('\n')));
        const Model& model = window_->document()->model();
        QCOMPARE(model.groups.size(), size_t(1));
        QCOMPARE(model.groups.front().name, std::string("neurons"));
        QCOMPARE(model.groups.front().size, 20LL);
        QCOMPARE(model.monitors.size(), size_t(2));
        QVERIFY(window_->document()->filePath().isEmpty()); // no file yet: Save asks where
        QVERIFY(window_->document()->isModified());         // closing asks first
    }

    // A script that reads its monitors after run() imports too: the importer
    // runs it again with the spikestudio program simulating it (here the one
    // beside the package; the app names itself), and the second run's input,
    // computed from the first run's spikes, becomes the protocol's. The
    // window shows the importer's note.
    void aScriptReadingItsMonitorsIsSimulated() {
        importThroughTheMenu(kScripts + "/monitors_read_between_runs.py");
        QCOMPARE(messages_.size(), 1); // the note: it was simulated, and what that cost
        QVERIFY2(messages_[0].startsWith("Imported, with notes: note: the script uses what its "
                                         "monitors recorded") &&
                     messages_[0].contains("simulating its 2 run() calls, which took "),
                 qPrintable(messages_[0]));
        const Model& model = window_->document()->model();
        QCOMPARE(model.groups.size(), size_t(1));
        QCOMPARE(model.groups.front().name, std::string("G"));
        QCOMPARE(model.protocol.size(), size_t(2));
        QVERIFY(window_->document()->isModified());
    }

    void aRefusedScriptKeepsTheModel() {
        const QString script = dir_.filePath("netop.py");
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from brian2 import *\n"
                   "G = NeuronGroup(3, 'dv/dt = -v/(10*ms) : 1', threshold='v > 1', "
                   "reset='v = 0', name='G')\n"
                   "@network_operation(dt=1*ms)\n"
                   "def kick():\n"
                   "    G.v += 0.1\n"
                   "run(1*ms)\n");
        file.close();
        const Model before = window_->document()->model();
        importThroughTheMenu(script);
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_[0].startsWith("Cannot import the file: ") &&
                     messages_[0].contains("netop.py:3: network_operation"),
                 qPrintable(messages_[0]));
        QCOMPARE(window_->document()->model().groups.front().name, before.groups.front().name);
        QVERIFY(!window_->document()->isModified());
    }

    void aMissingScriptIsExplained() {
        importThroughTheMenu(dir_.filePath("no-such-script.py"));
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_[0].contains("no such file"), qPrintable(messages_[0]));
    }
};

QTEST_MAIN(TestGuiImportBrian2)
#include "tst_gui_import_brian2.moc"
