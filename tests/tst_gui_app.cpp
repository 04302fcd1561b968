// The app around the editor, offscreen, as a new user meets it: the start
// page, New starting clean, where new groups land, the inspector coming
// forward, a canvas that cannot lose the network, panels that share the
// window, right-click, copy/paste/duplicate and delete, the guide on F1,
// shortcuts in menus and the guide, Enter running, an empty model that says
// why it cannot run, unit errors underlined where they are, plots that wait
// for a dialog, and runs made before the first save taken into the project.
#include "MainWindow.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkView.h"
#include "diagnostics/ModelDiagnostics.h"
#include "document/ModelDocument.h"
#include "document/RecentFiles.h"
#include "help/AboutText.h"
#include "help/HelpWindow.h"
#include "inspector/CodeEdit.h"
#include "inspector/FieldEditor.h"
#include "inspector/InspectorPanel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "plots/LivePlot.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "runs/RunsBrowser.h"
#include "runs/ScratchProject.h"
#include "start/StartPage.h"
#include "storage/Project.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolBar>
#include <QtTest>
#include <memory>

using namespace spikestudio;

namespace {

const QString kExamples = SPIKESTUDIO_SOURCE_DIR "/resources/examples";
const QString kCuba = kExamples + "/cuba.json";

QString modelText(const Model& model) {
    return QString::fromStdString(writeModelJson(model));
}

template <typename T> T* child(QObject& parent, const QString& name) {
    T* found = parent.findChild<T*>(name);
    if (!found)
        qFatal("no child called %s", qPrintable(name));
    return found;
}

/// Every key sequence the actions of `window` answer to, as the guide writes them.
QMap<QString, QAction*> shortcutsOf(MainWindow& window) {
    QMap<QString, QAction*> keys;
    for (QAction* action : window.findChildren<QAction*>())
        for (const QKeySequence& sequence : action->shortcuts())
            keys.insert(sequence.toString(QKeySequence::PortableText), action);
    return keys;
}

/// The rows of the guide's keyboard table: keys, action.
QList<QPair<QString, QString>> guideShortcuts() {
    QList<QPair<QString, QString>> rows;
    const QString guide = HelpWindow::guideText();
    const QString table = guide.mid(guide.indexOf("## Keyboard shortcuts"));
    for (const QString& line : table.split('\n')) {
        const QStringList cells = line.split('|', Qt::SkipEmptyParts);
        if (cells.size() == 2 && !cells[0].contains("---") && cells[0].trimmed() != "Keys")
            rows.append({cells[0].trimmed(), cells[1].trimmed()});
    }
    return rows;
}

} // namespace

class TestGuiApp : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    QStringList messages_;
    bool takeRuns_ = true;

    const Model& model() { return window_->document()->model(); }
    QUndoStack* undoStack() { return window_->document()->undoStack(); }
    NetworkView* view() { return window_->view(); }
    FieldEditor* field(const QString& name) { return window_->inspector()->fieldEditor(name); }
    QLineEdit* duration() { return child<QLineEdit>(*window_->runView(), "runDuration"); }
    QLabel* runStatus() { return child<QLabel>(*window_->runView(), "runStatus"); }
    QDockWidget* dock(const QString& name) { return child<QDockWidget>(*window_, name); }
    /// Whether the inspector's tab is the one in front (a tab behind is moved
    /// out of the window, not hidden).
    bool inspectorInFront() { return !window_->inspector()->visibleRegion().isEmpty(); }

    QPoint viewPointOf(const QString& group) {
        GroupNodeItem* node = window_->scene()->node(group);
        if (!node)
            qFatal("no node %s", qPrintable(group));
        return view()->mapFromScene(node->scenePos());
    }

    void clickNode(const QString& group) {
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, viewPointOf(group));
    }

    void typeInto(FieldEditor* editor, const QString& text) {
        CodeEdit* edit = editor->editor();
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    /// Runs the open model for `time` by typing it into Duration and pressing Enter.
    void runFor(const QString& time) {
        QSignalSpy ended(window_->runView(), &RunView::runEnded);
        duration()->setFocus();
        duration()->selectAll();
        QTest::keyClicks(duration(), time);
        QTest::keyClick(duration(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 60000);
    }

    QStringList menuTitles() {
        QStringList titles;
        for (QAction* menu : window_->menuBar()->actions())
            titles << menu->text().remove('&');
        return titles;
    }

    QMenu* menuNamed(const QString& title) {
        for (QAction* entry : window_->menuBar()->actions())
            if (entry->text().remove('&') == title)
                return entry->menu();
        return nullptr;
    }

private slots:
    void initTestCase() {
        // Settings, the scratch project and native code stay in the temporary directory.
        qputenv("XDG_CONFIG_HOME", dir_.filePath("config").toUtf8());
        qputenv("XDG_DATA_HOME", dir_.filePath("data").toUtf8());
        qputenv("SPIKESTUDIO_CACHE_DIR", dir_.filePath("cache").toUtf8());
        QVERIFY(ScratchProject::path().startsWith(dir_.path()));
    }

    void init() {
        for (const QString& path : RecentFiles::list())
            RecentFiles::remove(path);
        for (const QString suffix : {"", "-wal", "-shm"})
            QFile::remove(ScratchProject::path() + suffix);
        messages_.clear();
        takeRuns_ = true;
        window_ = std::make_unique<MainWindow>();
        window_->setAutosaveDirectory(dir_.filePath("autosave"));
        window_->setMessageHandler(
            [this](const QString&, const QString& text) { messages_ << text; });
        window_->setUnsavedChangesHandler([] { return MainWindow::UnsavedChoice::Discard; });
        window_->setTakeRunsHandler([this](int, const QString&) { return takeRuns_; });
        window_->setExamplesDirectory(kExamples);
        window_->resize(1280, 800);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanup() { window_.reset(); }

    // Item 14: no file open shows the start page, not a model.
    void theStartPageOffersExamplesRecentFilesAndNew() {
        QVERIFY(window_->isShowingStartPage());
        QVERIFY(window_->startPage()->isVisible());
        QVERIFY(!view()->isVisible());
        QVERIFY(!dock("inspectorDock")->isVisible());
        QCOMPARE(window_->windowTitle(), QString("Spike Studio"));
        QVERIFY(child<QLabel>(*window_, "howToStart")->text().contains("press Run (Ctrl+R)"));
        QListWidget* examples = window_->startPage()->examplesList();
        QCOMPARE(examples->count(), QDir(kExamples).entryList({"*.json"}).size());
        QStringList titles;
        for (int row = 0; row < examples->count(); ++row)
            titles << examples->item(row)->text().section('\n', 0, 0); // title, then description
        QVERIFY(titles.contains("STDP (Song, Miller & Abbott 2000)"));
        QVERIFY(!window_->action("save")->isEnabled());

        // Opening an example from the list opens it in the editor.
        const QList<QListWidgetItem*> cuba =
            examples->findItems("CUBA network (Brette et al. 2007)\n", Qt::MatchStartsWith);
        QCOMPARE(cuba.size(), 1);
        QVERIFY(cuba.first()->text().contains("4000 leaky integrate-and-fire"));
        QTest::mouseClick(examples->viewport(), Qt::LeftButton, {},
                          examples->visualItemRect(cuba.first()).center());
        QVERIFY(!window_->isShowingStartPage());
        QCOMPARE(model().groups.front().name, std::string("P"));
        QVERIFY(view()->isVisible());
        QVERIFY(window_->action("save")->isEnabled());

        // A file of the user's is listed as recent once opened; Close returns to the page.
        const QString mine = dir_.filePath("mine.json");
        QVERIFY(window_->saveModelFile(mine));
        QVERIFY(window_->closeModel());
        QVERIFY(window_->isShowingStartPage());
        QListWidget* recent = window_->startPage()->recentList();
        QCOMPARE(recent->count(), 1);
        QCOMPARE(recent->item(0)->toolTip(), QFileInfo(mine).absoluteFilePath());

        child<QPushButton>(*window_->startPage(), "startNewModel")->click();
        QVERIFY(!window_->isShowingStartPage());
        QVERIFY(model().groups.empty());
    }

    void examplesKeepOutOfOpenRecentAndShowTheirAmpersand() {
        const QString mine = dir_.filePath("own.json");
        QVERIFY(window_->openModelFile(kCuba));
        QVERIFY(window_->saveModelFile(mine));
        for (const QString& file : QDir(kExamples).entryList({"*.json"}))
            QVERIFY(window_->openModelFile(kExamples + "/" + file));
        QCOMPARE(RecentFiles::list(), QStringList{QFileInfo(mine).absoluteFilePath()});
        auto* stdp = child<QAction>(*window_, "example:stdp_song2000");
        QCOMPARE(stdp->text(), QString("STDP (Song, Miller && Abbott 2000)")); // shows one '&'
        QVERIFY(!child<QAction>(*window_, "example:adex")
                     ->text()
                     .contains(QRegularExpression("[^&]&[^&]")));
    }

    void reopeningTheLastFileIsASetting() {
        auto* reopen = child<QCheckBox>(*window_->startPage(), "reopenLast");
        QVERIFY(!RecentFiles::reopenLast());
        reopen->setChecked(true);
        QVERIFY(RecentFiles::reopenLast());
        reopen->setChecked(false);
        QVERIFY(!RecentFiles::reopenLast());
    }

    // Item 7: New (and opening another file) starts the run panel clean.
    void newModelStartsWithACleanRunPanel() {
        QVERIFY(window_->openModelFile(kCuba));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        child<QLineEdit>(*window_->runView(), "runSeed")->setText("7");
        runFor("20*ms");
        QVERIFY(window_->runView()->livePlot().spikePoints() > 0);
        auto* constants = window_->runView()->findChild<QLineEdit*>("constant:we");
        QVERIFY(constants && constants->isVisible());
        QCOMPARE(constants->cursorPosition(), 0); // item 6: the start of the value shows

        window_->action("new")->trigger();
        QVERIFY(duration()->text().isEmpty());
        QVERIFY(child<QLineEdit>(*window_->runView(), "runSeed")->text().isEmpty());
        QVERIFY(!window_->runView()->findChild<QLineEdit*>("constant:we"));
        QCOMPARE(window_->runView()->livePlot().spikePoints(), 0);
        QCOMPARE(runStatus()->text(), QString("Ready"));

        QVERIFY(window_->openModelFile(kCuba));
        runFor("10*ms");
        QVERIFY(window_->openModelFile(kExamples + "/hh.json"));
        QVERIFY(duration()->text().isEmpty());
        QCOMPARE(window_->runView()->livePlot().spikePoints(), 0);
    }

    // Item 6: long names and values show their start, with the whole text in the tooltip.
    void longNamesShowTheirStart() {
        QVERIFY(window_->openModelFile(kExamples + "/adex.json"));
        QLineEdit* name = window_->inspector()->nameEdit();
        QVERIFY(name->text().size() > 40);
        QCOMPARE(name->cursorPosition(), 0);
        QCOMPARE(name->toolTip(), name->text());

        Model model = readModelFile(kCuba.toStdString());
        model.synapses.front().connect.condition =
            "i < 3200 and i != j and abs(i - j) > 2 and (i + j) % 7 != 3 and j < 3999";
        const QString path = dir_.filePath("long-condition.json");
        writeModelFile(model, path.toStdString());
        QVERIFY(window_->openModelFile(path));
        window_->scene()->selectObject(ObjectRef::synapses("Ce"));
        CodeEdit* condition = field("connect.condition")->editor();
        QVERIFY(condition->horizontalScrollBar()->maximum() > 0); // it is longer than the field
        QCOMPARE(condition->horizontalScrollBar()->value(), 0);
        QCOMPARE(condition->textCursor().position(), 0);
    }

    // Item 8: new groups land in the middle of what the view shows, clear of each other.
    void newGroupsLandInTheVisibleMiddleWithoutOverlap() {
        window_->action("new")->trigger();
        QList<QRectF> cards;
        for (int k = 0; k < 9; ++k) {
            window_->action("addNeuronGroup")->trigger();
            const QString name = QString::fromStdString(model().groups.back().name);
            const QRectF card = window_->scene()->node(name)->sceneBoundingRect();
            QVERIFY2(view()->visibleSceneRect().contains(card), qPrintable(name));
            for (const QRectF& other : cards)
                QVERIFY2(!other.intersects(card), qPrintable(name));
            cards << card;
        }
        // Far from the network, a new group still appears where the user looks.
        view()->horizontalScrollBar()->setValue(view()->horizontalScrollBar()->maximum());
        view()->verticalScrollBar()->setValue(view()->verticalScrollBar()->maximum());
        window_->action("addPoissonGroup")->trigger();
        const QString name = QString::fromStdString(model().groups.back().name);
        QVERIFY(
            view()->visibleSceneRect().contains(window_->scene()->node(name)->sceneBoundingRect()));
    }

    // Item 9: selecting a node, or F2, while the Runs tab is in front shows the inspector.
    void selectingOrRenamingBringsTheInspectorForward() {
        QVERIFY(window_->openModelFile(kCuba));
        dock("runsDock")->raise();
        QTRY_VERIFY(!inspectorInFront());
        clickNode("P");
        QTRY_VERIFY(inspectorInFront());
        QCOMPARE(window_->inspector()->object(), ObjectRef::group("P"));

        dock("runsDock")->raise();
        QTRY_VERIFY(!inspectorInFront());
        view()->setFocus();
        QTest::keyClick(view(), Qt::Key_F2);
        QTRY_VERIFY(inspectorInFront());
        QVERIFY(window_->inspector()->nameEdit()->hasFocus());
    }

    // Item 10: at any zoom, panning stops with part of the network in view; Fit shows it all.
    void theNetworkCannotBePannedOutOfView() {
        QVERIFY(window_->openModelFile(kCuba));
        const QRectF network = window_->scene()->itemsBoundingRect();
        auto* zoom = child<QLabel>(*window_, "zoomStatus");
        for (double factor : {8.0, 0.05}) {
            view()->zoomBy(factor);
            QCOMPARE(zoom->text(), QString("Zoom %1 %").arg(view()->zoomPercent()));
            for (QScrollBar* bar : {view()->horizontalScrollBar(), view()->verticalScrollBar()})
                for (int end : {bar->minimum(), bar->maximum()}) {
                    bar->setValue(end);
                    QVERIFY(view()->visibleSceneRect().intersects(network));
                }
        }
        view()->zoomBy(8.0);
        view()->horizontalScrollBar()->setValue(view()->horizontalScrollBar()->maximum());
        window_->action("fit")->trigger();
        QVERIFY(view()->visibleSceneRect().contains(network));
        QVERIFY(view()->zoomPercent() <= 100);
    }

    // Item 11: extra height is shared by canvas and plots; fields never collapse;
    // the run panel keeps its height whatever the model's constants.
    void thePanelsShareTheWindowAtEverySize() {
        QVERIFY(window_->openModelFile(kCuba));
        RunView* run = window_->runView();
        window_->resize(1280, 800);
        QTRY_COMPARE(window_->height(), 800);
        const int plotsBefore = run->height(), canvasBefore = view()->height();
        window_->resize(1920, 1080);
        QTRY_COMPARE(window_->height(), 1080);
        QVERIFY2(run->height() - plotsBefore >= 100, qPrintable(QString::number(run->height())));
        QVERIFY(view()->height() - canvasBefore >= 100);

        window_->resize(window_->minimumSizeHint());
        QTRY_VERIFY2(window_->width() < 1280, qPrintable(QString::number(window_->width())));
        QVERIFY(duration()->width() >= duration()->fontMetrics().horizontalAdvance("500*ms"));
        auto* seed = child<QLineEdit>(*run, "runSeed");
        QVERIFY(seed->width() >= seed->fontMetrics().horizontalAdvance("12345"));

        window_->resize(1280, 800);
        QTRY_COMPARE(window_->height(), 800);
        Model many = readModelFile(kCuba.toStdString());
        for (int k = 0; k < 40; ++k)
            many.constants.emplace_back("unused" + std::to_string(k), std::to_string(k) + "*ms");
        const QString manyPath = dir_.filePath("many-constants.json");
        writeModelFile(many, manyPath.toStdString());
        QVERIFY(window_->openModelFile(manyPath));
        const int height = run->height();
        runFor("5*ms");
        QVERIFY(run->findChild<QLineEdit*>("constant:unused39"));
        QCOMPARE(run->height(), height);
    }

    // Item 11: at 1280×800 a group's threshold and reset show without scrolling,
    // and a three-line error shows whole.
    void theInspectorShowsAGroupWholeAt1280x800() {
        QVERIFY(window_->openModelFile(kCuba));
        clickNode("P");
        for (const QString name : {"equations", "threshold", "reset", "refractory", "method"}) {
            FieldEditor* editor = field(name);
            QVERIFY2(editor->visibleRegion().boundingRect().height() == editor->height(),
                     qPrintable(name));
        }
        field("equations")
            ->editor()
            ->setPlainText("dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)\n"
                           "dge/dt = -ge/taue + 0.5 : volt\ndgi/dt = -gi/taui : volt");
        auto* problem = child<QLabel>(*field("equations"), "problem:equations");
        QTRY_VERIFY(problem->isVisible());
        QTRY_VERIFY(problem->height() >= problem->heightForWidth(problem->width()));
    }

    // Item 12: right-click acts on what is under the mouse.
    void rightClickSelectsTheItemUnderTheMouse() {
        window_->action("new")->trigger();
        window_->action("addNeuronGroup")->trigger();
        window_->action("addNeuronGroup")->trigger();
        window_->scene()->selectObject(ObjectRef::group("G1"));
        QTest::mousePress(view()->viewport(), Qt::RightButton, {}, viewPointOf("G2"));
        QCOMPARE(window_->scene()->selectedObjects(), QList<ObjectRef>{ObjectRef::group("G2")});
        QCOMPARE(window_->inspector()->object(), ObjectRef::group("G2"));
        std::unique_ptr<QMenu> menu(window_->canvasMenu(viewPointOf("G2")));
        QStringList entries;
        for (QAction* action : menu->actions())
            entries << action->text();
        QVERIFY(entries.contains("Record spikes"));
        QVERIFY(menu->actions().contains(window_->action("duplicate")));

        const QPoint empty =
            view()->mapFromScene(view()->visibleSceneRect().topLeft()) + QPoint(5, 5);
        QTest::mousePress(view()->viewport(), Qt::RightButton, {}, empty);
        QVERIFY(window_->scene()->selectedObjects().isEmpty());
        std::unique_ptr<QMenu> canvasMenu(window_->canvasMenu(empty));
        QAction* addHere = nullptr;
        for (QAction* action : canvasMenu->actions())
            if (action->text() == "Add a neuron group here")
                addHere = action;
        QVERIFY(addHere);
        addHere->trigger(); // lands at the click, clear of the others
        const QRectF card = window_->scene()->node("G3")->sceneBoundingRect();
        QVERIFY(card.contains(view()->mapToScene(empty)) ||
                QLineF(card.center(), view()->mapToScene(empty)).length() < 400);
        QVERIFY(!card.intersects(window_->scene()->node("G1")->sceneBoundingRect()));
        QVERIFY(!card.intersects(window_->scene()->node("G2")->sceneBoundingRect()));
    }

    void monitorsShowOnTheirGroupsCard() {
        window_->action("new")->trigger();
        window_->action("addNeuronGroup")->trigger();
        GroupNodeItem* node = window_->scene()->node("G1");
        const double plainHeight = node->boundingRect().height();
        QCOMPARE(node->monitors(), QString());
        window_->addMonitor("G1", MonitorType::Spike);
        window_->addMonitor("G1", MonitorType::PopulationRate);
        window_->addMonitor("G1", MonitorType::State, {"v"}, 5);
        QCOMPARE(node->monitors(), QString("spikes · rate · v"));
        QVERIFY(node->boundingRect().height() > plainHeight);
        QVERIFY(node->toolTip().contains("spikes · rate · v"));
        undoStack()->undo();
        QCOMPARE(node->monitors(), QString("spikes · rate"));
    }

    // Item 12: copy, paste and duplicate, one undo step each.
    void copyPasteAndDuplicateAreOneUndoStepEach() {
        QVERIFY(window_->openModelFile(kCuba));
        const QString original = modelText(model());
        window_->scene()->selectObject(ObjectRef::group("P"));
        window_->action("copy")->trigger();
        int steps = undoStack()->count();
        window_->action("paste")->trigger();
        QCOMPARE(undoStack()->count(), steps + 1);
        QCOMPARE(model().groups.size(), size_t(2));
        QCOMPARE(model().groups[1].name, std::string("P_copy"));
        QCOMPARE(model().synapses.size(), size_t(4)); // Ce and Ci came along, onto the copy
        QCOMPARE(model().synapses[2].name, std::string("Ce_copy"));
        QCOMPARE(model().synapses[2].source, std::string("P_copy"));
        QCOMPARE(model().synapses[2].target, std::string("P_copy"));
        QCOMPARE(model().monitors.size(), size_t(6));
        QCOMPARE(model().monitors[3].source, std::string("P_copy"));
        QVERIFY(model().monitors[3].name != model().monitors[0].name);
        QCOMPARE(window_->scene()->selectedObjects().size(), 3); // the copies are selected
        const QRectF copy = window_->scene()->node("P_copy")->sceneBoundingRect();
        QVERIFY(!copy.intersects(window_->scene()->node("P")->sceneBoundingRect()));
        QVERIFY(view()->visibleSceneRect().contains(copy));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        steps = undoStack()->count();
        window_->action("duplicate")->trigger(); // P_copy with its synapses again
        QCOMPARE(undoStack()->count(), steps + 1);
        QCOMPARE(model().groups.size(), size_t(3));
        QCOMPARE(model().groups[2].name, std::string("P_copy2"));
        undoStack()->undo();
        undoStack()->undo();
        QCOMPARE(modelText(model()), original);

        // A synapse alone is duplicated between the same groups.
        window_->scene()->selectObject(ObjectRef::synapses("Ce"));
        window_->action("duplicate")->trigger();
        QCOMPARE(model().synapses.back().name, std::string("Ce_copy"));
        QCOMPARE(model().synapses.back().source, std::string("P"));

        // Pasted into a new model, P brings the constants it needs and runs.
        window_->action("new")->trigger();
        window_->action("paste")->trigger();
        QCOMPARE(model().groups.front().name, std::string("P"));
        QCOMPARE(model().constants.size(), size_t(8));
        QTRY_VERIFY(window_->diagnostics()->canRun());

        // Text that is not a copied fragment pastes nothing.
        QApplication::clipboard()->setText(
            "{\"format\": \"spikestudio-fragment\", \"version\": 1}");
        const QString before = modelText(model());
        steps = undoStack()->count();
        window_->action("paste")->trigger();
        QCOMPARE(modelText(model()), before);
        QCOMPARE(undoStack()->count(), steps);
        QVERIFY(window_->statusBar()->currentMessage().contains("Nothing to paste"));
    }

    // Item 12: deleting a group says what went with it.
    void deletingAGroupSaysWhatWentWithIt() {
        QVERIFY(window_->openModelFile(kCuba));
        window_->scene()->selectObject(ObjectRef::group("P"));
        window_->action("delete")->trigger();
        const QString message = window_->statusBar()->currentMessage();
        QVERIFY2(message.contains("Deleted P with synapses Ce, Ci and monitors spikes, rate, "
                                  "trace"),
                 qPrintable(message));
        QCOMPARE(undoStack()->undoText(), QString("Delete P with 2 Synapses objects, 3 monitors"));
        undoStack()->undo();
        QCOMPARE(model().synapses.size(), size_t(2));
    }

    // Item 13: F1 opens the bundled guide with its contents.
    void f1OpensTheGuide() {
        QVERIFY(window_->openModelFile(kCuba));
        QTest::keyClick(window_.get(), Qt::Key_F1);
        HelpWindow* help = window_->helpWindow();
        QVERIFY(help && help->isVisible());
        QVERIFY(help->browser()->toPlainText().contains("dv/dt = (El - v)/tau : volt"));
        QStringList sections;
        for (int row = 0; row < help->contents()->count(); ++row)
            sections << help->contents()->item(row)->text().trimmed();
        for (const QString expected :
             {"Equations", "Connect rules", "Monitors", "Running", "Runs and projects", "Functions",
              "Units", "Keyboard shortcuts"})
            QVERIFY2(sections.contains(expected), qPrintable(expected));
        QVERIFY(help->showSection("Units"));
        QTRY_VERIFY(help->browser()->verticalScrollBar()->value() > 0);
        QVERIFY(!help->showSection("No such section"));
        QVERIFY(menuTitles().contains("Help"));
        QVERIFY(AboutText::html().contains("LGPL-3.0") && AboutText::html().contains("GPL-3.0") &&
                AboutText::html().contains("TinyCC") && AboutText::html().contains("SQLite") &&
                AboutText::html().contains("public domain"));
    }

    // Item 13: shortcuts in menus and tooltips, and the guide's table agrees with them.
    void shortcutsShowInMenusTooltipsAndTheGuide() {
        QVERIFY(window_->openModelFile(kCuba));
        QMenu* run = menuNamed("Run");
        QVERIFY(run);
        QCOMPARE(run->actions().first()->shortcut(), QKeySequence("Ctrl+R"));
        QCOMPARE(window_->action("saveAs")->shortcut(), QKeySequence("Ctrl+Shift+S"));
        for (QAction* action : child<QToolBar>(*window_, "palette")->actions()) {
            if (action->isSeparator())
                continue;
            QVERIFY2(action->toolTip().size() > action->text().remove('&').size(),
                     qPrintable(action->text()));
            const QString keys = action->shortcut().toString(QKeySequence::NativeText);
            QVERIFY2(keys.isEmpty() || action->toolTip().contains(keys),
                     qPrintable(action->toolTip()));
        }
        const QMap<QString, QAction*> keys = shortcutsOf(*window_);
        const QList<QPair<QString, QString>> guide = guideShortcuts();
        QVERIFY(guide.size() >= 20);
        QStringList documented;
        for (const auto& [sequence, what] : guide) {
            documented << sequence;
            if (sequence == "Enter") // the duration field's own key
                continue;
            const QString portable = QKeySequence(sequence == "Del" ? "Delete" : sequence)
                                         .toString(QKeySequence::PortableText);
            QVERIFY2(keys.contains(portable), qPrintable(sequence + " (" + what + ")"));
        }
        for (auto it = keys.cbegin(); it != keys.cend(); ++it)
            QVERIFY2(documented.contains(it.key()) ||
                         (it.key() == "Del" && documented.contains("Del")) ||
                         it.key() == "Ctrl+=" || it.key() == "Ctrl+Y" || it.key() == "Delete",
                     qPrintable(it.key() + " is not in the guide"));
    }

    // Items 13 and 15: Enter in Duration runs; an empty model says why it cannot.
    void enterRunsAndAnEmptyModelSaysWhyItCannot() {
        window_->action("new")->trigger();
        window_->action("run")->trigger();
        QCOMPARE(window_->runView()->controller().state(), RunController::State::Idle);
        QVERIFY2(runStatus()->text().contains("no groups"), qPrintable(runStatus()->text()));

        QVERIFY(window_->openModelFile(kCuba));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        runFor("10*ms");
        QCOMPARE(window_->runView()->controller().state(), RunController::State::Finished);
        QVERIFY(runStatus()->text().startsWith("Finished: 10 ms simulated"));
    }

    // Item 16: `ge += 0.5` underlines 0.5 and says it needs volt.
    void unitErrorsUnderlineTheValueThatIsWrong() {
        QVERIFY(window_->openModelFile(kCuba));
        window_->scene()->selectObject(ObjectRef::synapses("Ce"));
        typeInto(field("on_pre"), "ge += 0.5");
        QTRY_VERIFY(!field("on_pre")->problemText().isEmpty());
        QVERIFY2(field("on_pre")->problemText().contains("column 7") &&
                     field("on_pre")->problemText().contains("needs a unit of volt"),
                 qPrintable(field("on_pre")->problemText()));
        const auto selections = field("on_pre")->editor()->extraSelections();
        QCOMPARE(selections.size(), 1);
        QCOMPARE(selections.first().cursor.selectedText(), QString("0.5"));
    }

    // Item 17: while a dialog is up over a run, the plots wait, so it paints at once.
    void thePlotsWaitWhileADialogIsUp() {
        QVERIFY(window_->openModelFile(kCuba));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        RunView* run = window_->runView();
        duration()->setText("1000*second");
        window_->action("run")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(run->livePlot().spikePoints() > 0, 30000);
        qsizetype shownWithDialog = -1;
        bool grewWithDialog = true;
        QTimer::singleShot(0, this, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box);
            shownWithDialog = run->livePlot().spikePoints();
            QTest::qWait(400); // a dozen refresh periods
            grewWithDialog = run->livePlot().spikePoints() != shownWithDialog;
            box->button(QMessageBox::No)->click();
        });
        QVERIFY(!window_->close()); // asks; "No" keeps the run going
        QVERIFY(shownWithDialog >= 0);
        QVERIFY(!grewWithDialog);
        QTRY_VERIFY_WITH_TIMEOUT(run->livePlot().spikePoints() > shownWithDialog, 30000);
        window_->setStopRunHandler([] { return true; });
        QVERIFY(window_->close());
    }

    // Item 5: runs made before the first Save As can go with the model.
    void runsMadeBeforeTheFirstSaveGoWithTheModel_data() {
        QTest::addColumn<bool>("take");
        QTest::newRow("taken along") << true;
        QTest::newRow("left in the scratch project") << false;
    }

    void runsMadeBeforeTheFirstSaveGoWithTheModel() {
        QFETCH(bool, take);
        takeRuns_ = take;
        QVERIFY(window_->openModelFile(kCuba));
        QTRY_VERIFY(window_->diagnostics()->canRun());
        runFor("5*ms");
        duration()->clear();
        runFor("6*ms");
        RunsBrowser* runs = window_->runsBrowser();
        QCOMPARE(runs->runCount(), 2);
        auto* table = child<QTableWidget>(*runs, "runsTable");
        QVERIFY(!table->isColumnHidden(6));
        QCOMPARE(table->item(0, 6)->text(), QString("CUBA network (Brette et al. 2007)"));
        QVERIFY(child<QLabel>(*runs, "runsNote")->text().contains("Save As"));

        const QString project = dir_.filePath(take ? "taken.spikestudio" : "left.spikestudio");
        QVERIFY(window_->saveModelFile(project));
        QVERIFY(messages_.isEmpty());
        Project saved(project.toStdString(), ProjectAccess::ReadOnly);
        Project scratch(ScratchProject::path().toStdString(), ProjectAccess::ReadOnly);
        QCOMPARE(saved.runs().size(), size_t(take ? 2 : 0));
        QCOMPARE(scratch.runs().size(), size_t(take ? 0 : 2));
        if (take) {
            QCOMPARE(saved.runs().front().duration, 0.005);
            QCOMPARE(saved.runs().back().duration, 0.006);
        }
        QCOMPARE(runs->runCount(), take ? 2 : 0); // the list shows the project now
        QVERIFY(table->isColumnHidden(6));
    }
};

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    TestGuiApp test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_app.moc"
