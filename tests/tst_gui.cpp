// The editor driven through its widgets, offscreen: palette, Connect mode on the
// canvas, the inspector's editors with live diagnostics, undo/redo, saving and
// reopening, and bad files that must leave the current model alone.
#include "MainWindow.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkView.h"
#include "canvas/SynapsesArrowItem.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "document/NeuronTemplates.h"
#include "document/RecentFiles.h"
#include "engine/NetworkBuilder.h"
#include "inspector/CodeEdit.h"
#include "inspector/FieldEditor.h"
#include "inspector/InspectorPanel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "run/RunView.h"
#include "storage/Project.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

/// The written JSON holds every field (tst_model_writer shows it is lossless),
/// so equal text means equal models.
QString modelText(const Model& model) {
    return QString::fromStdString(writeModelJson(model));
}

const QString kGoodEquations = "dv/dt = -v/(10*ms) : volt (unless refractory)";
const QString kBadEquations = "dv/dt = -v/(10*ms) + foo : volt (unless refractory)";

} // namespace

class TestGui : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    QStringList messages_;
    MainWindow::UnsavedChoice unsavedChoice_ = MainWindow::UnsavedChoice::Discard;

    ModelDocument* document() { return window_->document(); }
    const Model& model() { return window_->document()->model(); }
    FieldEditor* field(const QString& name) { return window_->inspector()->fieldEditor(name); }

    void clickNode(const QString& name) {
        GroupNodeItem* node = window_->scene()->node(name);
        QVERIFY(node);
        const QPoint at = window_->view()->mapFromScene(node->scenePos());
        QTest::mouseClick(window_->view()->viewport(), Qt::LeftButton, {}, at);
    }

    void addNeuronGroups(int count) {
        for (int k = 0; k < count; ++k)
            window_->action("addNeuronGroup")->trigger();
    }

    void connectGroups(const QString& source, const QString& target) {
        window_->action("connect")->trigger();
        QCOMPARE(window_->scene()->mode(), NetworkScene::Mode::Connect);
        clickNode(source);
        clickNode(target);
    }

    /// Replaces a field's text by typing, as a user would.
    void typeInto(FieldEditor* editor, const QString& text) {
        CodeEdit* edit = editor->editor();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    QString underlinedText(FieldEditor* editor) {
        const auto selections = editor->editor()->extraSelections();
        return selections.isEmpty() ? QString() : selections.first().cursor.selectedText();
    }

    QString writeFile(const QString& name, const QByteArray& content) {
        QFile file(dir_.filePath(name));
        file.open(QIODevice::WriteOnly);
        file.write(content);
        return file.fileName();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings and autosaves stay out of $HOME
    }

    void init() {
        messages_.clear();
        unsavedChoice_ = MainWindow::UnsavedChoice::Discard;
        window_ = std::make_unique<MainWindow>();
        window_->setMessageHandler(
            [this](const QString&, const QString& text) { messages_ << text; });
        window_->setUnsavedChangesHandler([this] { return unsavedChoice_; });
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() { window_.reset(); }

    void paletteAddsGroupsAndConnectModeConnectsThem() {
        addNeuronGroups(2);
        window_->action("addPoissonGroup")->trigger();
        QCOMPARE(model().groups.size(), size_t(3));
        QCOMPARE(model().groups[0].name, std::string("G1"));
        QCOMPARE(model().groups[1].name, std::string("G2"));
        QCOMPARE(model().groups[2].type, GroupType::PoissonGroup);
        QVERIFY(window_->scene()->node("G2"));

        connectGroups("G1", "G2");
        QCOMPARE(model().synapses.size(), size_t(1));
        QCOMPARE(model().synapses[0].source, std::string("G1"));
        QCOMPARE(model().synapses[0].target, std::string("G2"));
        QVERIFY(window_->scene()->arrow("S1"));
        QCOMPARE(window_->scene()->mode(), NetworkScene::Mode::Select);
        // The new synapses are selected and shown in the inspector.
        QCOMPARE(window_->inspector()->object(), ObjectRef::synapses("S1"));
        QCOMPARE(field("on_pre")->text(), QString("v_post += 0.5*mV"));

        connectGroups("G2", "G2"); // recurrent: the same node twice
        QCOMPARE(model().synapses.size(), size_t(2));
        QCOMPARE(model().synapses[1].source, std::string("G2"));
        QCOMPARE(model().synapses[1].target, std::string("G2"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    // Each template is a valid group on its own, runs, and spikes under its drive.
    void templatesAddGroupsThatRunAndSpike_data() {
        QTest::addColumn<QString>("id");
        for (const NeuronTemplates::Template& entry : NeuronTemplates::all())
            QTest::newRow(qPrintable(entry.id)) << entry.id;
    }

    void templatesAddGroupsThatRunAndSpike() {
        QFETCH(QString, id);
        window_->action("template:" + id)->trigger();
        QCOMPARE(model().groups.size(), size_t(1));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        Model runnable = model();
        runnable.duration = "200*ms";
        MonitorSpec spikes;
        spikes.name = "spikes";
        spikes.source = runnable.groups[0].name;
        runnable.monitors = {spikes};
        if (id == "coba") { // its drive comes from synapses: give it Poisson input
            PoissonInputSpec input{"drive", spikes.source, "ge", 100, "100*Hz", "1*nS"};
            runnable.poissonInputs = {input};
        }
        const CheckedModel checked = checkModel(runnable);
        auto network = buildNetwork(checked);
        network->run(checked.duration);
        QVERIFY2(network->spikeRecords().front().indices.size() > 0, qPrintable(id));
    }

    void examplesMenuOpensEveryExample() {
        const QDir examples(SPIKESTUDIO_SOURCE_DIR "/resources/examples");
        window_->setExamplesDirectory(examples.path());
        const QStringList files = examples.entryList({"*.json"}, QDir::Files);
        QVERIFY(files.size() >= 9);
        for (const QString& file : files) {
            auto* action =
                window_->findChild<QAction*>("example:" + QFileInfo(file).completeBaseName());
            QVERIFY2(action, qPrintable(file));
            action->trigger();
            QCOMPARE(model().name, readModelFile(examples.filePath(file).toStdString()).name);
            QTRY_VERIFY2(window_->diagnostics()->canRun(), qPrintable(file));
        }
        QVERIFY(messages_.isEmpty());
    }

    void wrongEquationIsUnderlinedAndFixingItClears() {
        addNeuronGroups(2);
        connectGroups("G1", "G2");
        clickNode("G1");
        QCOMPARE(window_->inspector()->object(), ObjectRef::group("G1"));
        FieldEditor* equations = field("equations");
        QVERIFY(equations->isVisible());

        typeInto(equations, kBadEquations);
        QCOMPARE(QString::fromStdString(model().groups[0].equations), kBadEquations);
        QTRY_VERIFY(equations->problemText().contains("unknown identifier 'foo'"));
        QVERIFY(equations->problemText().contains("Line 1, column 22"));
        QCOMPARE(underlinedText(equations), QString("foo"));
        QVERIFY(!window_->diagnostics()->canRun());
        const auto* status = window_->findChild<QLabel*>("checkStatus");
        QVERIFY(status->text().contains("'G1', field 'equations'"));
        QVERIFY(!field("threshold")->editor()->hasProblemUnderline());

        typeInto(equations, kGoodEquations);
        QTRY_VERIFY(equations->problemText().isEmpty());
        QVERIFY(!equations->editor()->hasProblemUnderline());
        QVERIFY(window_->diagnostics()->canRun());
        QVERIFY(status->text().contains("Model checks"));
    }

    void problemsInSynapsesShowUnderTheirField() {
        addNeuronGroups(2);
        connectGroups("G1", "G2");
        typeInto(field("connect.condition"), "i < j +");
        QTRY_VERIFY(!field("connect.condition")->problemText().isEmpty());
        QVERIFY(field("connect.condition")->editor()->hasProblemUnderline());
        QVERIFY(!window_->diagnostics()->canRun());
        typeInto(field("connect.condition"), "i != j");
        QTRY_VERIFY(window_->diagnostics()->canRun());
        QVERIFY(field("connect.condition")->problemText().isEmpty());
    }

    void undoAndRedoRestoreTheModel() {
        QStringList states{modelText(model())};
        addNeuronGroups(1);
        states << modelText(model());
        addNeuronGroups(1);
        states << modelText(model());
        connectGroups("G1", "G2");
        states << modelText(model());
        clickNode("G1");
        typeInto(field("equations"), kBadEquations);
        states << modelText(model());
        window_->inspector()->sizeEdit()->setValue(250);
        QCOMPARE(model().groups[0].size, 250);
        states << modelText(model());
        QLineEdit* name = window_->inspector()->nameEdit();
        name->setFocus();
        name->selectAll();
        QTest::keyClicks(name, "excitatory");
        QTest::keyClick(name, Qt::Key_Return);
        QCOMPARE(model().groups[0].name, std::string("excitatory"));
        QCOMPARE(model().synapses[0].source, std::string("excitatory"));
        QVERIFY(window_->scene()->node("excitatory"));
        states << modelText(model());
        window_->scene()->selectObject(ObjectRef::group("G2"));
        window_->action("delete")->trigger();
        QCOMPARE(model().groups.size(), size_t(1));
        QVERIFY(model().synapses.empty()); // went with its target
        states << modelText(model());

        QAction* undo = window_->action("undo");
        QAction* redo = window_->action("redo");
        for (int k = int(states.size()) - 2; k >= 0; --k) {
            undo->trigger();
            QCOMPARE(modelText(model()), states[k]);
        }
        QVERIFY(!undo->isEnabled());
        for (int k = 1; k < states.size(); ++k) {
            redo->trigger();
            QCOMPARE(modelText(model()), states[k]);
        }
        // The canvas follows: after the final redo G2 and S1 are gone again.
        QVERIFY(!window_->scene()->node("G2"));
        QVERIFY(!window_->scene()->arrow("S1"));
    }

    void typingMergesIntoOneUndoStep() {
        addNeuronGroups(1);
        clickNode("G1");
        const int before = document()->undoStack()->count();
        typeInto(field("threshold"), "v > 5*mV");
        QCOMPARE(document()->undoStack()->count(), before + 1);
        window_->action("undo")->trigger();
        QCOMPARE(model().groups[0].threshold, std::string("v > 10*mV"));
        QCOMPARE(field("threshold")->text(), QString("v > 10*mV"));
    }

    void draggingANodeIsAnUndoableMove() {
        addNeuronGroups(1);
        GroupNodeItem* node = window_->scene()->node("G1");
        const QPointF start = node->pos();
        QWidget* viewport = window_->view()->viewport();
        const QPoint from = window_->view()->mapFromScene(start);
        QTest::mousePress(viewport, Qt::LeftButton, {}, from);
        QTest::mouseMove(viewport, from + QPoint(40, 10));
        QTest::mouseMove(viewport, from + QPoint(80, 30));
        QTest::mouseRelease(viewport, Qt::LeftButton, {}, from + QPoint(80, 30));
        QVERIFY(document()->layout().value("G1") != start);
        QCOMPARE(node->pos(), document()->layout().value("G1"));
        window_->action("undo")->trigger();
        QCOMPARE(document()->layout().value("G1"), start);
        QCOMPARE(node->pos(), start);
    }

    void wheelZooms() {
        addNeuronGroups(1);
        NetworkView* view = window_->view();
        const double before = view->transform().m11();
        QWheelEvent wheel(QPointF(50, 50), view->viewport()->mapToGlobal(QPointF(50, 50)), {},
                          QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(view->transform().m11() > before);
    }

    // A project keeps the model, where its nodes sit, and every run made in the app.
    void projectsKeepLayoutAndRuns() {
        QVERIFY(window_->openModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json"));
        document()->setPosition("P", QPointF(123.0, -45.0));
        const QString path = dir_.filePath("cuba.spikestudio");
        QVERIFY(window_->saveModelFile(path));
        QVERIFY(!document()->isModified());

        MainWindow reopened;
        reopened.setMessageHandler(
            [this](const QString&, const QString& text) { messages_ << text; });
        QVERIFY(reopened.openModelFile(path));
        QCOMPARE(modelText(reopened.document()->model()), modelText(model()));
        QCOMPARE(reopened.document()->layout().value("P"), QPointF(123.0, -45.0));
        QTRY_VERIFY(reopened.diagnostics()->canRun());

        RunView* run = reopened.runView();
        run->findChild<QLineEdit*>("runDuration")->setText("20*ms");
        QSignalSpy ended(run, &RunView::runEnded);
        run->run();
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
        Project project(path.toStdString(), ProjectAccess::ReadOnly);
        const auto runs = project.runs();
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs[0].status, RunStatus::Finished);
        QCOMPARE(project.runModel(runs[0].id), writeModelJson(reopened.document()->model()));

        // A file that only pretends to be a project changes nothing.
        const QString fake = writeFile("fake.spikestudio", "SQLite format 3\0not really");
        QVERIFY(!reopened.openModelFile(fake));
        QVERIFY(!messages_.isEmpty());
        QCOMPARE(reopened.document()->filePath(), path);
    }

    void monitorsAreAddedAsOneUndoStepEach() {
        addNeuronGroups(1);
        QTRY_VERIFY(window_->diagnostics()->canRun());
        window_->addMonitor("G1", MonitorType::Spike);
        window_->addMonitor("G1", MonitorType::PopulationRate);
        window_->addMonitor("G1", MonitorType::State, {"v"}, 5);
        QCOMPARE(model().monitors.size(), size_t(3));
        QCOMPARE(model().monitors[2].record, (std::vector<long long>{0, 1, 2, 3, 4}));
        QCOMPARE(model().monitors[0].source, std::string("G1"));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        window_->action("undo")->trigger();
        QCOMPARE(model().monitors.size(), size_t(2));
        window_->action("redo")->trigger();
        QCOMPARE(model().monitors.size(), size_t(3));
        window_->addMonitor("G1", MonitorType::State, {"nonsense"}, 5);
        QTRY_VERIFY(!window_->diagnostics()->canRun()); // reported, not run
        window_->action("undo")->trigger();
        QTRY_VERIFY(window_->diagnostics()->canRun());
    }

    void unsavedEditsAreRecoveredAfterACrash() {
        QTemporaryDir autosaves;
        window_->setAutosaveDirectory(autosaves.path());
        addNeuronGroups(2);
        window_->autosaveNow();
        QVERIFY(QFile::exists(autosaves.filePath("autosave.json")));
        const QString edited = modelText(model());

        // The next session (this one "crashed") finds the edits and restores them, unsaved.
        MainWindow next;
        next.setAutosaveDirectory(autosaves.path());
        QString askedAbout = "not asked";
        next.setRecoveryHandler([&](const QString& original) {
            askedAbout = original;
            return true;
        });
        QVERIFY(next.offerRecovery());
        QCOMPARE(askedAbout, QString());
        QCOMPARE(modelText(next.document()->model()), edited);
        QVERIFY(next.document()->isModified());
        QVERIFY(next.saveModelFile(dir_.filePath("recovered.json")));
        QVERIFY(!QFile::exists(autosaves.filePath("autosave.json"))); // saved: nothing left

        // Declining the offer discards the copy.
        window_->autosaveNow();
        MainWindow declined;
        declined.setAutosaveDirectory(autosaves.path());
        declined.setRecoveryHandler([](const QString&) { return false; });
        QVERIFY(!declined.offerRecovery());
        QVERIFY(!QFile::exists(autosaves.filePath("autosave.json")));
    }

    void openedAndSavedFilesBecomeRecent() {
        const QString saved = dir_.filePath("recent.json");
        QVERIFY(window_->openModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json"));
        QVERIFY(window_->saveModelFile(saved));
        const QStringList recent = RecentFiles::list();
        QVERIFY(recent.size() >= 2);
        QCOMPARE(recent[0], QFileInfo(saved).absoluteFilePath());
        QVERIFY(recent[1].endsWith("cuba.json"));
        for (int k = 0; k < RecentFiles::kMaximum + 3; ++k)
            RecentFiles::add(dir_.filePath(QString("m%1.json").arg(k)));
        QCOMPARE(RecentFiles::list().size(), RecentFiles::kMaximum);
    }

    void savedModelReopensEqual() {
        QVERIFY(window_->openModelFile(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json"));
        addNeuronGroups(1);
        connectGroups("G1", "P");
        clickNode("G1");
        typeInto(field("reset"), "v = -1*mV");
        const QString path = dir_.filePath("edited.json");
        QVERIFY(window_->saveModelFile(path));
        QVERIFY(!document()->isModified());
        QVERIFY(!window_->windowTitle().isEmpty());
        const Model saved = model();

        MainWindow reopened;
        reopened.setMessageHandler(
            [this](const QString&, const QString& text) { messages_ << text; });
        QVERIFY(reopened.openModelFile(path));
        const Model& read = reopened.document()->model();
        QCOMPARE(read.groups.size(), saved.groups.size());
        QCOMPARE(read.groups[1].reset, std::string("v = -1*mV"));
        QCOMPARE(read.synapses[2].source, std::string("G1"));
        QCOMPARE(read.monitors.size(), saved.monitors.size());
        QCOMPARE(modelText(read), modelText(saved));
        QVERIFY(messages_.isEmpty());
        QVERIFY(reopened.diagnostics()->canRun());
    }

    void brokenOrForeignFilesLeaveTheModelAlone_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("broken JSON")
            << QByteArray("{\"format\": \"spikestudio-model\", ") << "invalid JSON";
        QTest::newRow("foreign JSON")
            << QByteArray(R"({"format": "other", "version": 1})") << "not a Spike Studio model";
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10)
                                << "cannot tell what this file is";
        QTest::newRow("bad field") << QByteArray(R"({"format": "spikestudio-model", "version": 1,
            "groups": [{"name": "G", "type": "NeuronGroup", "N": 1, "equations": "v:1", "treshold": "v>1"}]})")
                                   << "unknown field 'treshold'";
    }

    void brokenOrForeignFilesLeaveTheModelAlone() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString good = SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json";
        QVERIFY(window_->openModelFile(good));
        addNeuronGroups(1); // an unsaved edit that must survive
        const QString before = modelText(model());
        QVERIFY(!window_->openModelFile(writeFile("bad.json", content)));
        QCOMPARE(messages_.size(), 1);
        QVERIFY2(messages_.first().contains(expected), qPrintable(messages_.first()));
        QCOMPARE(modelText(model()), before);
        QCOMPARE(document()->filePath(), good);
        QVERIFY(document()->isModified());
        QVERIFY(!window_->openModelFile(dir_.filePath("missing.json")));
        QCOMPARE(modelText(model()), before);
    }

    void unsavedChangesAreNotDroppedSilently() {
        addNeuronGroups(1);
        unsavedChoice_ = MainWindow::UnsavedChoice::Cancel;
        window_->action("new")->trigger();
        QCOMPARE(model().groups.size(), size_t(1));
        QVERIFY(!window_->close());
        unsavedChoice_ = MainWindow::UnsavedChoice::Discard;
        window_->action("new")->trigger();
        QVERIFY(model().groups.empty());
        QVERIFY(!document()->isModified());
    }
};

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    TestGui test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui.moc"
