// File > Export > Brian2 Script…: the model being edited, unsaved edits and
// all, goes through the command line's exporter to the file and device the
// save dialog chose; a model the checker refuses and a file that cannot be
// written are explained in a message box and write nothing. Offscreen.
#include "MainWindow.h"
#include "document/ModelDocument.h"
#include "formats/Exporter.h"
#include "model/ModelReader.h"
#include "runs/ScratchProject.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

const QString kExamples = SPIKESTUDIO_SOURCE_DIR "/resources/examples";

QString readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestGuiExportBrian2 : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    QStringList messages_;
    std::optional<MainWindow::ExportTarget> choice_;
    QString askedExporter_;
    int asked_ = 0;

    QMenu* exportMenu() const { return window_->findChild<QMenu*>("exportMenu"); }

private slots:
    void initTestCase() {
        qputenv("XDG_CONFIG_HOME", dir_.filePath("config").toUtf8());
        qputenv("XDG_DATA_HOME", dir_.filePath("data").toUtf8());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("cache").toUtf8());
        QVERIFY(ScratchProject::path().startsWith(dir_.path()));
    }

    void init() {
        messages_.clear();
        asked_ = 0;
        window_ = std::make_unique<MainWindow>();
        window_->setAutosaveDirectory(dir_.filePath("autosave"));
        window_->setMessageHandler(
            [this](const QString&, const QString& text) { messages_ << text; });
        window_->setUnsavedChangesHandler([] { return MainWindow::UnsavedChoice::Discard; });
        window_->setExportTargetHandler([this](const Exporter& exporter) {
            ++asked_;
            askedExporter_ = QString::fromStdString(exporter.shortName());
            return choice_;
        });
        QVERIFY(window_->openModelFile(kExamples + "/cuba.json"));
    }

    void cleanup() { window_.reset(); }

    void theFileMenuHasTheExport() {
        QMenu* menu = exportMenu();
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(window_->action("export:brian2")));
        QCOMPARE(window_->action("export:brian2")->text().remove('&'), QString("Brian2 script…"));
    }

    void exportsTheEditedModelForTheChosenDevice() {
        Model model = window_->document()->model();
        model.seed = 42; // an edit not saved: the export takes the model being edited
        window_->document()->load(model, window_->document()->filePath());
        const QString path = dir_.filePath("cuba_gpu.py");
        choice_ = MainWindow::ExportTarget{path, "cuda_standalone"};
        window_->action("export:brian2")->trigger();
        QCOMPARE(asked_, 1);
        QCOMPARE(askedExporter_, QString("brian2"));
        QVERIFY2(messages_.isEmpty(), qPrintable(messages_.join("\n")));
        const QString script = readText(path);
        QVERIFY(script.contains("\nimport brian2cuda\n"));
        QVERIFY(script.contains("\nset_device(\"cuda_standalone\", directory='cuba_gpu_cuda_"
                                "standalone')\n"));
        QVERIFY(script.contains("\nseed(42)\n"));
        QVERIFY(script.contains("P = NeuronGroup(4000, eqs, "));
    }

    void gennNotesAreShownAfterTheExport() {
        QVERIFY(window_->openModelFile(SPIKESTUDIO_SOURCE_DIR
                                       "/tests/reference/models/synapses_chain_delays.json"));
        const QString path = dir_.filePath("chain_genn.py");
        choice_ = MainWindow::ExportTarget{path, "genn"};
        window_->action("export:brian2")->trigger();
        QVERIFY(QFile::exists(path));
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_[0].contains("'feed' has a different delay per synapse"),
                 qPrintable(messages_[0]));
    }

    void cancellingWritesNothing() {
        choice_.reset();
        window_->action("export:brian2")->trigger();
        QCOMPARE(asked_, 1);
        QVERIFY(messages_.isEmpty());
    }

    void aModelTheCheckerRefusesIsExplained() {
        Model model = window_->document()->model();
        model.groups[0].threshold = "v - Vt"; // not a condition
        window_->document()->load(model, window_->document()->filePath());
        const QString path = dir_.filePath("refused.py");
        choice_ = MainWindow::ExportTarget{path, "runtime"};
        window_->action("export:brian2")->trigger();
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_[0].contains("'P', field 'threshold'"), qPrintable(messages_[0]));
        QVERIFY(!QFile::exists(path));
    }

    void aFileThatCannotBeWrittenIsExplained() {
        const QString path = dir_.filePath("no-such-folder/cuba.py");
        choice_ = MainWindow::ExportTarget{path, "runtime"};
        window_->action("export:brian2")->trigger();
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_[0].contains("cannot write") && messages_[0].contains("does not exist"),
                 qPrintable(messages_[0]));
        QVERIFY(!QFile::exists(path));
    }
};

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    TestGuiExportBrian2 test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_export_brian2.moc"
