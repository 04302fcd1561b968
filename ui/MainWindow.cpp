#include "MainWindow.h"

#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkView.h"
#include "canvas/SelectionEditing.h"
#include "canvas/SynapsesArrowItem.h"
#include "commands/AddGroupCommand.h"
#include "commands/AddMonitorCommand.h"
#include "commands/EditModelCommand.h"
#include "diagnostics/FailureMessage.h"
#include "diagnostics/ModelDiagnostics.h"
#include "diagnostics/ModelError.h"
#include "document/KindText.h"
#include "document/LayoutJson.h"
#include "document/ModelDefaults.h"
#include "document/ModelDocument.h"
#include "document/ModelLookup.h"
#include "document/NeuronTemplates.h"
#include "document/RecentFiles.h"
#include "formats/Exporters.h"
#include "formats/FormatFilters.h"
#include "formats/ModelFormats.h"
#include "help/AboutText.h"
#include "help/HelpWindow.h"
#include "importing/ScriptImporter.h"
#include "inspector/InspectorPanel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "model/ObjectKinds.h"
#include "protocol/ProtocolEditor.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "runs/RunsBrowser.h"
#include "runs/ScratchProject.h"
#include "start/StartPage.h"
#include "sweep/SweepDialog.h"
#include "sweep/SweepView.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace spikestudio {

namespace {

constexpr int kReportMs = 10000; // how long a status bar report stays

const std::string kAllModelFiles = "Spike Studio projects and models";

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

QStringList fromStd(const std::vector<std::string>& lines) {
    QStringList list;
    for (const std::string& line : lines)
        list << QString::fromStdString(line);
    return list;
}

/// Menu text shows '&' as a mnemonic marker; "A & B" must stay "A & B".
QString menuText(QString text) {
    return text.replace('&', QStringLiteral("&&"));
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), document_(new ModelDocument(this)),
      diagnostics_(new ModelDiagnostics(document_, this)),
      scene_(new NetworkScene(document_, this)), view_(new NetworkView(scene_, this)),
      editing_(new SelectionEditing(document_, scene_, view_, this)) {
    askWithMessageBoxes();
    scriptImporter_ = new ScriptImporter(this);
    connect(scriptImporter_, &ScriptImporter::imported, this, &MainWindow::openImportedModel);
    connect(scriptImporter_, &ScriptImporter::failed, this, &MainWindow::reportImportFailure);
    view_->setObjectName("canvas");
    createCentralPages();
    createDocks();
    createActions();
    createMenus();
    createPalette();
    createStatusBar();
    connectDocument();
    autosave_ = std::make_unique<Autosave>();
    resize(1280, 800);
    document_->load(ModelDefaults::emptyModel(), {});
    useProject({});
    showStartPage();
}

MainWindow::~MainWindow() {
    // Children go in creation order: the document before the scene, whose
    // items would otherwise report a last selection change to a dead document.
    disconnect(scene_, nullptr, this, nullptr);
    // The undo stack goes after our members; it must not call back into them.
    disconnect(document_->undoStack(), nullptr, this, nullptr);
}

/// The questions the window asks, as message boxes (tests replace them).
void MainWindow::askWithMessageBoxes() {
    showMessage_ = [this](const QString& title, const QString& text) {
        QMessageBox::warning(this, title, text);
    };
    askUnsaved_ = [this] {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"), tr("Save the changes to this model first?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? UnsavedChoice::Save
               : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                : UnsavedChoice::Cancel;
    };
    askStopRun_ = [this] {
        const QString project = QString::fromStdString(runView_->projectPath());
        return QMessageBox::question(
                   this, tr("A run is going on"),
                   tr("Stop the run and close? Its results so far are kept in %1.").arg(project),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
    };
    askTakeRuns_ = [this](int count, const QString& project) {
        return QMessageBox::question(
                   this, tr("Take the runs along?"),
                   tr("This model has %1 in the scratch project, made before it had a "
                      "project of its own. Move %2 into %3?")
                       .arg(count == 1 ? tr("1 run") : tr("%1 runs").arg(count),
                            count == 1 ? tr("it") : tr("them"), QFileInfo(project).fileName()),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    };
    askFileToOpen_ = [this](const QString& filters) {
        return QFileDialog::getOpenFileName(this, tr("Open Model"), {}, filters);
    };
    askSavePath_ = [this](const QString& suggested, const QString& filters, QString* chosen) {
        return QFileDialog::getSaveFileName(this, tr("Save As"), suggested, filters, chosen);
    };
    askExportTarget_ = [this](const Exporter& exporter) {
        return askExportTargetWithDialog(exporter);
    };
    askFileToImport_ = [this](const ModelFormat& format) {
        const QString warning = fromStd(format.readingWarning());
        return QFileDialog::getOpenFileName(
            this,
            tr("Import a %1").arg(fromStd(format.name())) +
                (warning.isEmpty() ? QString() : " (" + warning + ")"),
            {}, fromStd(format.nameFilter()) + ";;" + tr("All files (*)"));
    };
    askRecovery_ = [this](const QString& originalPath) {
        return QMessageBox::question(
                   this, tr("Recover unsaved changes"),
                   tr("Spike Studio did not close normally. Recover the unsaved changes%1?")
                       .arg(originalPath.isEmpty() ? QString() : tr(" to %1").arg(originalPath)),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    };
}

QAction* MainWindow::action(const QString& name) const {
    return actions_.value(name);
}

QAction* MainWindow::addAction(const QString& name, const QString& text,
                               const QKeySequence& shortcut, const std::function<void()>& handler) {
    auto* action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, handler);
    actions_.insert(name, action);
    return action;
}

/// A tooltip that says what the action does and its shortcut.
void MainWindow::describeAction(const QString& name, const QString& description) {
    QAction* action = actions_.value(name);
    const QString keys = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(keys.isEmpty() ? description : tr("%1 (%2)").arg(description, keys));
    action->setStatusTip(description);
}

// ---------------------------------------------------------------- layout

// The canvas over the run panel, in a splitter that gives each its share of
// any extra height; a start page instead while no model is open.
void MainWindow::createCentralPages() {
    runView_ = new spikestudio::RunView(
        [this]() -> std::optional<Model> {
            if (!diagnostics_->canRun())
                return std::nullopt;
            return document_->model();
        },
        this);
    runView_->setObjectName("runView");
    runView_->addSidePanel(new ProtocolEditor(document_, diagnostics_));
    connect(document_, &ModelDocument::changed, runView_,
            [this] { runView_->setProtocolShown(!document_->model().protocol.empty()); });
    editor_ = new QSplitter(Qt::Vertical, this);
    editor_->setObjectName("editorSplit");
    editor_->addWidget(view_);
    editor_->addWidget(runView_);
    editor_->setChildrenCollapsible(false);
    editor_->setStretchFactor(0, 1);
    editor_->setStretchFactor(1, 1);
    view_->setMinimumHeight(160);
    editor_->setSizes({330, 400});
    startPage_ = new StartPage(this);
    pages_ = new QStackedWidget(this);
    pages_->addWidget(startPage_);
    pages_->addWidget(editor_);
    setCentralWidget(pages_);
    connect(startPage_, &StartPage::newModelRequested, this, [this] { newModel(); });
    connect(startPage_, &StartPage::openDialogRequested, this, &MainWindow::openWithDialog);
    connect(startPage_, &StartPage::openRequested, this,
            [this](const QString& path) { openModelFile(path); });
    connect(runView_, &RunView::runEnded, this, &MainWindow::recordScratchRun);
    // Equations edited during a run go into it once they check (live edits).
    connect(diagnostics_, &ModelDiagnostics::updated, this, [this] {
        if (runView_->isRunning() && diagnostics_->canRun())
            runView_->applyEdit(document_->model());
    });
}

// The inspector and the runs, tabbed on the right over the window's full height.
void MainWindow::createDocks() {
    inspector_ = new InspectorPanel(document_, diagnostics_, this);
    inspectorDock_ = new QDockWidget(tr("Inspector"), this);
    inspectorDock_->setObjectName("inspectorDock");
    inspectorDock_->setFeatures(QDockWidget::DockWidgetMovable);
    inspectorDock_->setWidget(inspector_);
    inspectorDock_->setMinimumWidth(380);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock_);
    runsBrowser_ = new spikestudio::RunsBrowser(this);
    runsDock_ = new QDockWidget(tr("Runs"), this);
    runsDock_->setObjectName("runsDock");
    runsDock_->setFeatures(QDockWidget::DockWidgetMovable);
    runsDock_->setWidget(runsBrowser_);
    addDockWidget(Qt::RightDockWidgetArea, runsDock_);
    tabifyDockWidget(inspectorDock_, runsDock_);
    inspectorDock_->raise();
    resizeDocks({inspectorDock_}, {420}, Qt::Horizontal);
    connect(runView_, &spikestudio::RunView::runEnded, runsBrowser_,
            &spikestudio::RunsBrowser::refresh);
    connect(runsBrowser_, &RunsBrowser::exported, this, &MainWindow::report);
    // The sweep's small multiples, a tab beside the runs once a sweep starts.
    sweepView_ = new SweepView(this);
    sweepView_->setObjectName("sweepView");
    sweepDock_ = new QDockWidget(tr("Sweep"), this);
    sweepDock_->setObjectName("sweepDock");
    sweepDock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    sweepDock_->setWidget(sweepView_);
    addDockWidget(Qt::RightDockWidgetArea, sweepDock_);
    tabifyDockWidget(runsDock_, sweepDock_);
    sweepDock_->hide();
    connect(sweepView_, &SweepView::variantStored, runsBrowser_, &RunsBrowser::refresh);
    connect(sweepView_, &SweepView::runActivated, this, &MainWindow::showSweepRun);
    connect(runView_, &RunView::sweepRequested, this, &MainWindow::openSweepDialog);
}

void MainWindow::createStatusBar() {
    checkStatus_ = new QLabel(this);
    checkStatus_->setObjectName("checkStatus");
    // A long message must not widen the window; the tooltip has all of it.
    checkStatus_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addWidget(checkStatus_, 1);
    zoomStatus_ = new QLabel(this);
    zoomStatus_->setObjectName("zoomStatus");
    zoomStatus_->setToolTip(tr("Zoom of the canvas: wheel, Ctrl++ and Ctrl+- change it, Ctrl+0 "
                               "fits the network"));
    statusBar()->addPermanentWidget(zoomStatus_);
    connect(view_, &NetworkView::zoomChanged, this,
            [this](int percent) { zoomStatus_->setText(tr("Zoom %1 %").arg(percent)); });
    zoomStatus_->setText(tr("Zoom %1 %").arg(view_->zoomPercent()));
}

void MainWindow::connectDocument() {
    connect(scene_, &QGraphicsScene::selectionChanged, this, &MainWindow::followSelection);
    auto* autosaveTimer = new QTimer(this);
    autosaveTimer->setInterval(30000);
    connect(autosaveTimer, &QTimer::timeout, this, &MainWindow::autosaveNow);
    autosaveTimer->start();
    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            autosave_->clear(); // saved, or undone back to the saved state
    });
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view_, &QWidget::customContextMenuRequested, this, &MainWindow::showCanvasMenu);
    connect(scene_, &NetworkScene::modeChanged, this, &MainWindow::updateModeActions);
    connect(diagnostics_, &ModelDiagnostics::updated, this, &MainWindow::showCheckResult);
    connect(document_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(document_, &ModelDocument::modelReset, this, &MainWindow::updateTitle);
}

// ---------------------------------------------------------------- actions

void MainWindow::createActions() {
    createFileActions();
    createEditActions();
    createViewActions();
    createRunActions();
    createHelpActions();
    // Keys that mean something else in a text field act on the canvas only.
    for (const QString name :
         {"select", "connect", "delete", "rename", "copy", "paste", "duplicate"}) {
        actions_[name]->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        view_->QWidget::addAction(actions_[name]);
    }
}

void MainWindow::createFileActions() {
    addAction("new", tr("&New"), QKeySequence("Ctrl+N"), [this] {
        if (mayStopRun() && mayReplaceModel())
            newModel();
    });
    addAction("open", tr("&Open…"), QKeySequence("Ctrl+O"), [this] { openWithDialog(); });
    addAction("close", tr("&Close"), QKeySequence("Ctrl+W"), [this] { closeModel(); });
    addAction("save", tr("&Save"), QKeySequence("Ctrl+S"), [this] { save(); });
    addAction("saveAs", tr("Save &As…"), QKeySequence("Ctrl+Shift+S"),
              [this] { saveWithDialog(); });
    addAction("quit", tr("&Quit"), QKeySequence("Ctrl+Q"), [this] { close(); });
    describeAction("new", tr("Start an empty model"));
    describeAction("open", tr("Open a model (.json) or project (.spikestudio)"));
    describeAction("close", tr("Close the model and show the start page"));
    describeAction("save", tr("Save the model"));
    describeAction("saveAs", tr("Save as a project (.spikestudio: model, layout and runs) or "
                                "a model file (.json)"));
}

void MainWindow::createEditActions() {
    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence("Ctrl+Z"));
    actions_.insert("undo", undo);
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")});
    actions_.insert("redo", redo);
    // The undo actions name the step they undo; their tooltips follow.
    auto describeUndo = [this] {
        describeAction("undo", actions_["undo"]->text().remove('&'));
        describeAction("redo", actions_["redo"]->text().remove('&'));
    };
    connect(document_->undoStack(), &QUndoStack::indexChanged, this, describeUndo);
    describeUndo();

    addAction("copy", tr("&Copy"), QKeySequence("Ctrl+C"), [this] { report(editing_->copy()); });
    addAction("paste", tr("&Paste"), QKeySequence("Ctrl+V"), [this] {
        showEditor();
        report(editing_->paste(view_->visibleSceneRect().center()));
    });
    addAction("duplicate", tr("D&uplicate"), QKeySequence("Ctrl+D"),
              [this] { report(editing_->duplicate()); });
    addAction("delete", tr("&Delete"), QKeySequence::Delete,
              [this] { report(editing_->remove()); });
    addAction("rename", tr("Re&name"), Qt::Key_F2, [this] { renameSelection(); });
    describeAction("copy", tr("Copy the selected groups and synapses"));
    describeAction("paste", tr("Paste copied groups and synapses into the visible canvas"));
    describeAction("duplicate", tr("Duplicate the selected groups and synapses"));
    describeAction("delete",
                   tr("Delete the selection (a group takes its synapses and monitors along)"));
    describeAction("rename", tr("Rename the selected group or synapses"));

    addAction("select", tr("Select"), Qt::Key_Escape,
              [this] { scene_->setMode(NetworkScene::Mode::Select); });
    addAction("connect", tr("Connect"), Qt::Key_C,
              [this] { scene_->setMode(NetworkScene::Mode::Connect); });
    auto* modes = new QActionGroup(this);
    for (const QString name : {"select", "connect"}) {
        actions_[name]->setCheckable(true);
        modes->addAction(actions_[name]);
    }
    actions_["select"]->setChecked(true);
    describeAction("select", tr("Select and move groups and synapses"));
    describeAction("connect", tr("Connect: click the source group, then the target group"));

    for (const GroupKind* kind : ObjectKinds::groups()) {
        const GroupType type = kind->type;
        addAction(KindText::addActionName(*kind), KindText::title(*kind), {},
                  [this, type] { addGroup(type); });
        describeAction(KindText::addActionName(*kind), KindText::addDescription(*kind));
    }
    for (const NeuronTemplates::Template& entry : NeuronTemplates::all())
        addAction("template:" + entry.id, entry.title, {},
                  [this, id = entry.id] { addTemplateGroup(id); });
}

void MainWindow::createViewActions() {
    addAction("zoomIn", tr("Zoom &In"), QKeySequence("Ctrl++"), [this] { view_->zoomBy(1.25); });
    actions_["zoomIn"]->setShortcuts({QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")});
    addAction("zoomOut", tr("Zoom &Out"), QKeySequence("Ctrl+-"), [this] { view_->zoomBy(0.8); });
    addAction("fit", tr("&Fit Network"), QKeySequence("Ctrl+0"), [this] { view_->fitNetwork(); });
    describeAction("zoomIn", tr("Zoom in"));
    describeAction("zoomOut", tr("Zoom out"));
    describeAction("fit", tr("Show the whole network"));
}

void MainWindow::createRunActions() {
    addAction("run", tr("&Run"), QKeySequence("Ctrl+R"), [this] {
        showEditor();
        runView_->run();
    });
    addAction("pause", tr("&Pause / Resume"), QKeySequence("Ctrl+P"),
              [this] { runView_->togglePause(); });
    addAction("stop", tr("&Stop"), QKeySequence("Ctrl+."), [this] { runView_->stop(); });
    describeAction("run", tr("Run the model"));
    describeAction("pause", tr("Pause or resume the run"));
    describeAction("stop", tr("Stop the run, keeping its results so far"));
    addAction("sweep", tr("S&weep…"), {}, [this] { openSweepDialog(); });
    describeAction("sweep", tr("Run the model for many values of its constants at once"));
}

void MainWindow::openSweepDialog() {
    showEditor();
    if (!diagnostics_->canRun()) {
        showMessage_(tr("Cannot sweep"), tr("The model has errors; the status bar names them."));
        return;
    }
    SweepDialog dialog(document_->model(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (std::optional<SweepRequest> request = dialog.request())
        startSweep(std::move(*request));
}

QString MainWindow::startSweep(SweepRequest request) {
    const QString problem = sweepView_->start(std::move(request), runView_->projectPath());
    if (!problem.isEmpty()) {
        showMessage_(tr("Cannot start the sweep"), problem);
        return problem;
    }
    sweepDock_->show();
    sweepDock_->raise();
    // Room for the tiles: about half the window.
    resizeDocks({sweepDock_}, {std::max(560, width() / 2)}, Qt::Horizontal);
    return {};
}

/// A tile of the Sweep view clicked: the run's plots, as the Runs tab shows them.
void MainWindow::showSweepRun(const QString& project, qint64 run) {
    if (project.toStdString() != runView_->projectPath()) {
        report(tr("Run %1 is in %2, which is no longer open.").arg(run).arg(project));
        return;
    }
    runsBrowser_->selectRun(run);
    runsBrowser_->showSelected();
}

void MainWindow::createHelpActions() {
    addAction("help", tr("Spike Studio &Guide"), QKeySequence("F1"), [this] { openHelp(); });
    addAction("shortcuts", tr("&Keyboard Shortcuts"), {},
              [this] { openHelp(tr("Keyboard shortcuts")); });
    addAction("about", tr("&About Spike Studio"), {}, [this] { showAbout(); });
    describeAction("help", tr("The user guide: equations, connecting, monitors, running"));
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addActions({actions_["new"], actions_["open"]});
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName("recentMenu");
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    examplesMenu_ = file->addMenu(tr("&Examples"));
    examplesMenu_->setObjectName("examplesMenu");
    examplesMenu_->setEnabled(false);
    file->addSeparator();
    file->addActions({actions_["save"], actions_["saveAs"], actions_["close"]});
    QMenu* importMenu = file->addMenu(tr("&Import"));
    importMenu->setObjectName("importMenu");
    createImportActions(*importMenu);
    QMenu* exportMenu = file->addMenu(tr("E&xport"));
    exportMenu->setObjectName("exportMenu");
    createExportActions(*exportMenu);
    file->addSeparator();
    file->addAction(actions_["quit"]);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({actions_["undo"], actions_["redo"]});
    edit->addSeparator();
    edit->addActions({actions_["copy"], actions_["paste"], actions_["duplicate"]});
    edit->addSeparator();
    edit->addActions({actions_["rename"], actions_["delete"]});
    QMenu* add = menuBar()->addMenu(tr("&Add"));
    add->addActions(addGroupActions());
    QMenu* templates = add->addMenu(tr("Neuron from template"));
    for (const NeuronTemplates::Template& entry : NeuronTemplates::all())
        templates->addAction(actions_["template:" + entry.id]);
    add->addSeparator();
    add->addAction(actions_["connect"]);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions({actions_["zoomIn"], actions_["zoomOut"], actions_["fit"]});
    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addActions({actions_["run"], actions_["pause"], actions_["stop"]});
    run->addSeparator();
    run->addMenu(runView_->threadsMenu());
    run->addSeparator();
    run->addAction(actions_["sweep"]);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addActions({actions_["help"], actions_["shortcuts"]});
    help->addSeparator();
    help->addAction(actions_["about"]);
}

/// One action per group kind, in the registry's order.
QList<QAction*> MainWindow::addGroupActions() const {
    QList<QAction*> actions;
    for (const GroupKind* kind : ObjectKinds::groups())
        actions << actions_.value(KindText::addActionName(*kind));
    return actions;
}

void MainWindow::createPalette() {
    palette_ = addToolBar(tr("Palette"));
    palette_->setObjectName("palette");
    palette_->setMovable(false);
    palette_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    palette_->addActions({actions_["select"], actions_["connect"]});
    palette_->addSeparator();
    palette_->addActions(addGroupActions());
    palette_->addSeparator();
    palette_->addActions(
        {paletteStep("undoButton", tr("Undo")), paletteStep("redoButton", tr("Redo"))});
    palette_->addSeparator();
    palette_->addAction(actions_["fit"]);
}

/// Undo or Redo for the toolbar: a button of fixed width whose tooltip names
/// the step (the Edit menu's actions carry it in their text and the shortcuts).
QAction* MainWindow::paletteStep(const QString& name, const QString& text) {
    const bool undo = name == "undoButton";
    QUndoStack* stack = document_->undoStack();
    QAction* step =
        addAction(name, text, {}, [stack, undo] { undo ? stack->undo() : stack->redo(); });
    auto follow = [this, step, stack, undo] {
        step->setEnabled(undo ? stack->canUndo() : stack->canRedo());
        const QString what = undo ? stack->undoText() : stack->redoText();
        const QString keys =
            actions_[undo ? "undo" : "redo"]->shortcut().toString(QKeySequence::NativeText);
        step->setToolTip(
            tr("%1 (%2)").arg(what.isEmpty() ? step->text() : step->text() + " " + what, keys));
    };
    connect(stack, &QUndoStack::indexChanged, this, follow);
    connect(stack, &QUndoStack::cleanChanged, this, follow);
    follow();
    return step;
}

// ---------------------------------------------------------------- pages

bool MainWindow::isShowingStartPage() const {
    return pages_->currentWidget() == startPage_;
}

void MainWindow::showStartPage() {
    refreshStartPage();
    pages_->setCurrentWidget(startPage_);
    inspectorDock_->hide();
    runsDock_->hide();
    sweepDock_->hide();
    palette_->hide();
    checkStatus_->hide(); // no model to check, no canvas to zoom
    zoomStatus_->hide();
    enableEditing(false);
    updateTitle();
}

void MainWindow::showEditor() {
    if (!isShowingStartPage())
        return;
    pages_->setCurrentWidget(editor_);
    inspectorDock_->show();
    runsDock_->show();
    inspectorDock_->raise();
    palette_->show();
    checkStatus_->show();
    zoomStatus_->show();
    enableEditing(true);
    updateTitle();
}

// What needs a model in the editor is off on the start page.
void MainWindow::enableEditing(bool enabled) {
    for (const QString name : {"save", "saveAs", "close", "copy", "duplicate", "delete", "rename",
                               "zoomIn", "zoomOut", "fit", "pause", "stop", "sweep"})
        actions_[name]->setEnabled(enabled);
}

void MainWindow::refreshStartPage() {
    startPage_->setRecentFiles(RecentFiles::list());
    startPage_->setExamples(examples_);
}

void MainWindow::report(const QString& message) {
    if (!message.isEmpty())
        statusBar()->showMessage(message, kReportMs);
}

// ---------------------------------------------------------------- canvas

/// A right-click on the canvas: what it offers depends on what is under the mouse.
void MainWindow::showCanvasMenu(const QPoint& at) {
    std::unique_ptr<QMenu> menu(canvasMenu(at));
    menu->exec(view_->viewport()->mapToGlobal(at));
}

QMenu* MainWindow::canvasMenu(const QPoint& at) {
    auto* menu = new QMenu(this);
    QGraphicsItem* item = view_->itemAt(at);
    if (auto* node = dynamic_cast<GroupNodeItem*>(item)) {
        addGroupMenuItems(*menu, node->name());
        addEditMenuItems(*menu);
    } else if (dynamic_cast<SynapsesArrowItem*>(item)) {
        addEditMenuItems(*menu);
    } else { // the empty canvas: things go where the user clicked
        const QPointF spot = view_->mapToScene(at);
        QAction* paste = menu->addAction(actions_["paste"]->text(), this,
                                         [this, spot] { report(editing_->paste(spot)); });
        paste->setShortcut(actions_["paste"]->shortcut());
        paste->setEnabled(SelectionEditing::clipboardHasFragment());
        menu->addSeparator();
        for (const GroupKind* kind : ObjectKinds::groups())
            menu->addAction(KindText::addHere(*kind), this, [this, type = kind->type, spot] {
                addGroupSpec(ModelDefaults::group(type, document_->model()), spot);
            });
        menu->addSeparator();
        menu->addAction(actions_["fit"]);
    }
    return menu;
}

/// Record spikes, rate or state variables of `group`.
void MainWindow::addGroupMenuItems(QMenu& menu, const QString& group) {
    const GroupSpec* spec = ModelLookup::group(document_->model(), group);
    if (!spec)
        return;
    for (const MonitorKind* kind : ObjectKinds::monitors())
        if (!kind->needs("variables"))
            menu.addAction(tr("Record %1").arg(QString::fromStdString(kind->summary)), this,
                           [this, group, type = kind->type] { addMonitor(group, type); });
    if (ObjectKinds::of(spec->type).hasField("equations"))
        menu.addAction(tr("Record variables…"), this, [this, group] {
            bool ok = false;
            const QString text = QInputDialog::getText(
                this, tr("Record variables"),
                tr("Variables of %1 to record (separated by spaces), for its first 5 neurons:")
                    .arg(group),
                QLineEdit::Normal, "v", &ok);
            std::vector<std::string> variables;
            for (const QString& name : text.split(' ', Qt::SkipEmptyParts))
                variables.push_back(name.toStdString());
            if (ok && !variables.empty())
                addMonitor(group, MonitorType::State, variables, 5);
        });
    menu.addSeparator();
}

void MainWindow::addEditMenuItems(QMenu& menu) {
    menu.addActions({actions_["rename"], actions_["copy"], actions_["duplicate"]});
    menu.addSeparator();
    menu.addAction(actions_["delete"]);
}

void MainWindow::addMonitor(const QString& group, MonitorType type,
                            const std::vector<std::string>& variables, long long count) {
    const MonitorSpec monitor =
        ModelDefaults::monitor(document_->model(), group.toStdString(), type, variables, count);
    document_->undoStack()->push(new AddMonitorCommand(document_, monitor));
}

void MainWindow::addGroup(GroupType type) {
    addGroupSpec(ModelDefaults::group(type, document_->model()));
}

void MainWindow::addTemplateGroup(const QString& id) {
    const std::string name = ModelLookup::freeName(document_->model(), "G").toStdString();
    addGroupSpec(NeuronTemplates::make(id, name));
}

/// A new group goes to the free spot nearest `near` (by default the middle of
/// what the view shows), and the view follows it if that spot is out of sight.
void MainWindow::addGroupSpec(GroupSpec group, std::optional<QPointF> near) {
    showEditor();
    const QPointF center = near.value_or(view_->visibleSceneRect().center());
    const QPointF position = freeSpotNear(document_->layout(), center);
    const QString name = QString::fromStdString(group.name);
    document_->undoStack()->push(new AddGroupCommand(document_, std::move(group), position));
    scene_->selectObject(ObjectRef::group(name));
    if (GroupNodeItem* node = scene_->node(name))
        view_->reveal(node->sceneBoundingRect());
}

void MainWindow::renameSelection() {
    if (scene_->selectedObjects().size() != 1)
        return;
    inspectorDock_->raise();
    inspector_->focusName();
}

// The inspector follows the selection, and comes to the front for it.
void MainWindow::followSelection() {
    const QList<ObjectRef> selected = scene_->selectedObjects();
    inspector_->showObject(selected.size() == 1 ? selected.first() : ObjectRef{});
    if (!selected.isEmpty())
        inspectorDock_->raise();
}

void MainWindow::showCheckResult() {
    const auto& problem = diagnostics_->problem();
    scene_->setProblemObject(problem ? problem->object : QString());
    if (!problem) {
        checkStatus_->setStyleSheet(QStringLiteral("color: #15803d;"));
        checkStatus_->setText(tr("✓ Model checks: units and names are consistent"));
        checkStatus_->setToolTip({});
        return;
    }
    checkStatus_->setStyleSheet(QStringLiteral("color: #d0312d;"));
    const qsizetype more = diagnostics_->problems().size() - 1;
    checkStatus_->setText(more > 0 ? tr("✗ %1 (and %n more)", "", int(more)).arg(problem->message)
                                   : tr("✗ %1").arg(problem->message));
    QStringList messages;
    for (const Diagnostic& each : diagnostics_->problems())
        messages << each.message;
    checkStatus_->setToolTip(messages.join('\n'));
}

void MainWindow::updateTitle() {
    if (isShowingStartPage()) {
        setWindowTitle(tr("Spike Studio"));
        setWindowModified(false);
        return;
    }
    const QString path = document_->filePath();
    const QString shown = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    setWindowTitle(QStringLiteral("%1[*] — Spike Studio").arg(shown));
    setWindowModified(document_->isModified());
}

void MainWindow::updateModeActions(NetworkScene::Mode mode) {
    actions_[mode == NetworkScene::Mode::Connect ? "connect" : "select"]->setChecked(true);
    view_->setDragMode(mode == NetworkScene::Mode::Connect ? QGraphicsView::NoDrag
                                                           : QGraphicsView::RubberBandDrag);
    statusBar()->showMessage(mode == NetworkScene::Mode::Connect
                                 ? tr("Connect: click the source group, then the target group "
                                      "(the same group twice for recurrent synapses). Esc "
                                      "cancels.")
                                 : QString());
}

// ---------------------------------------------------------------- help

HelpWindow* MainWindow::helpWindow() const {
    return help_;
}

HelpWindow* MainWindow::openHelp(const QString& section) {
    if (!help_)
        help_ = new HelpWindow(this);
    help_->show();
    help_->raise();
    help_->activateWindow();
    if (!section.isEmpty())
        help_->showSection(section);
    return help_;
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Spike Studio"), AboutText::html());
}

// ---------------------------------------------------------------- files

/// Runs are recorded into, and listed from, the open file when it is a
/// project, and otherwise the scratch project, so that no run is lost.
void MainWindow::useProject(const QString& path) {
    const bool scratch = !ModelFormats::keepsRuns(path.toStdString());
    const std::string project = (scratch ? ScratchProject::path() : path).toStdString();
    runView_->setProjectPath(project);
    runsBrowser_->setProjectPath(project, scratch);
}

void MainWindow::fillRecentMenu() {
    recentMenu_->clear();
    for (const QString& path : RecentFiles::list())
        recentMenu_->addAction(menuText(QFileInfo(path).fileName() + "  —  " + path), this,
                               [this, path] { openModelFile(path); });
    if (recentMenu_->isEmpty())
        recentMenu_->addAction(tr("(none yet)"))->setEnabled(false);
}

void MainWindow::setAutosaveDirectory(const QString& directory) {
    autosave_ = std::make_unique<Autosave>(directory);
}

void MainWindow::autosaveNow() {
    if (document_->isModified())
        autosave_->save(document_->model(), document_->filePath());
}

bool MainWindow::offerRecovery() {
    std::optional<Autosave::Recovered> recovered = autosave_->pending();
    if (!recovered)
        return false;
    if (!askRecovery_(recovered->originalPath)) {
        autosave_->clear();
        return false;
    }
    // The recovered model is an edit of the original: it stays unsaved.
    document_->load(document_->model(), recovered->originalPath);
    document_->undoStack()->push(new EditModelCommand(
        document_, tr("Recover unsaved changes"),
        [model = std::move(recovered->model)](Model& current) { current = model; }));
    useProject(recovered->originalPath);
    showEditor();
    view_->fitNetwork();
    diagnostics_->checkNow();
    return true;
}

bool MainWindow::mayStopRun() {
    if (!runView_->isRunning())
        return true;
    if (!askStopRun_())
        return false;
    runView_->stop();
    runView_->controller().wait();
    return true;
}

void MainWindow::setExamplesDirectory(const QString& directory) {
    examplesDirectory_ = directory;
    examples_.clear();
    examplesMenu_->clear();
    const QDir examples(directory);
    for (const QFileInfo& file : examples.entryInfoList({"*.json"}, QDir::Files, QDir::Name)) {
        StartPage::Example example{file.completeBaseName(), {}, file.filePath()};
        try { // the menu shows each model's own name
            const Model model = readModelFile(file.filePath().toStdString());
            if (!model.name.empty())
                example.title = QString::fromStdString(model.name);
            example.description = QString::fromStdString(model.description);
        } catch (const ModelError&) {
            continue; // not a model: not an example
        }
        examples_.append(example);
        const QString title = example.title;
        QAction* action = examplesMenu_->addAction(
            menuText(title), this, [this, path = file.filePath()] { openModelFile(path); });
        action->setObjectName("example:" + file.completeBaseName());
    }
    examplesMenu_->setEnabled(!examplesMenu_->isEmpty());
    refreshStartPage();
}

bool MainWindow::isExample(const QString& path) const {
    return !examplesDirectory_.isEmpty() && !path.isEmpty() &&
           QFileInfo(path).absoluteDir().canonicalPath() ==
               QDir(examplesDirectory_).canonicalPath();
}

void MainWindow::newModel() {
    document_->load(ModelDefaults::emptyModel(), {});
    startEditing({});
}

/// After a model was loaded: its project (or none), a clean run panel, the
/// editor in front with the whole network in view, and a fresh check.
void MainWindow::startEditing(const QString& projectPath) {
    useProject(projectPath);
    scratchRuns_.forget();
    runView_->clear();
    inspector_->showObject({});
    showEditor();
    view_->fitNetwork();
    diagnostics_->checkNow();
}

bool MainWindow::closeModel() {
    if (!mayStopRun() || !mayReplaceModel())
        return false;
    document_->load(ModelDefaults::emptyModel(), {});
    useProject({});
    scratchRuns_.forget();
    runView_->clear();
    inspector_->showObject({});
    autosave_->clear();
    showStartPage();
    return true;
}

/// Opens `path`, then asks about a run going on and unsaved edits; a file
/// that cannot be read leaves everything as it was.
bool MainWindow::openModelFile(const QString& path) {
    Model model;
    NodeLayout layout;
    try {
        const ModelFormat& format = ModelFormats::forReading(path.toStdString());
        if (!format.can(FormatCapability::Read)) // an import runs code: only when asked for
            throw ModelError({path.toStdString(), "", 0, 0},
                             "a " + format.name() + " is opened with File > Import > " +
                                 format.name());
        LoadedModel loaded = format.read(path.toStdString());
        model = std::move(loaded.model);
        if (!loaded.layoutJson.empty()) // where its nodes were
            layout = LayoutJson::read(loaded.layoutJson);
    } catch (const std::exception& error) {
        if (!QFileInfo::exists(path))
            RecentFiles::remove(path); // gone: not offered again
        refreshStartPage();
        showMessage_(tr("Cannot open the model"),
                     tr("%1 could not be opened:\n%2")
                         .arg(QFileInfo(path).fileName(),
                              QString::fromStdString(failureMessage(error, "opening it"))));
        return false;
    }
    if (!mayStopRun() || !mayReplaceModel())
        return false;
    document_->load(std::move(model), path, std::move(layout));
    if (!isExample(path)) // examples never push the user's own files out
        RecentFiles::add(path);
    startEditing(path);
    return true;
}

void MainWindow::openOrImport(const QString& path) {
    const ModelFormat* format = ModelFormats::ofContent(path.toStdString());
    if (format && format->can(FormatCapability::Import) && !format->can(FormatCapability::Read))
        importFile(*format, path);
    else
        openModelFile(path);
}

bool MainWindow::saveModelFile(const QString& path) {
    const bool hadProject = ModelFormats::keepsRuns(document_->filePath().toStdString());
    try {
        const ModelFormat& format = ModelFormats::forWriting(path.toStdString());
        format.write(document_->model(), LayoutJson::write(document_->layout()),
                     path.toStdString());
    } catch (const std::exception& error) {
        showMessage_(tr("Cannot save the model"),
                     QString::fromStdString(failureMessage(error, "saving the model")));
        return false;
    }
    document_->setFilePath(path);
    document_->markSaved();
    RecentFiles::add(path);
    useProject(path);
    updateTitle();
    if (!hadProject && ModelFormats::keepsRuns(path.toStdString()))
        offerScratchRuns(path);
    return true;
}

/// One entry per importing format (ModelFormats) under File > Import.
void MainWindow::createImportActions(QMenu& menu) {
    for (const ModelFormat* format : ModelFormats::with(FormatCapability::Import)) {
        const QString name = "import:" + fromStd(format->shortName());
        addAction(name, menuText(fromStd(format->name())) + tr("…"), {}, [this, format] {
            const QString path = askFileToImport_(*format);
            if (!path.isEmpty())
                importFile(*format, path);
        });
        describeAction(name, fromStd(format->description()));
        menu.addAction(actions_[name]);
    }
}

/// One entry per registered exporter under File > Export.
void MainWindow::createExportActions(QMenu& menu) {
    for (const Exporter* exporter : Exporters::all()) {
        const QString name = "export:" + fromStd(exporter->shortName());
        addAction(name, menuText(fromStd(exporter->name())) + tr("…"), {}, [this, exporter] {
            if (const std::optional<ExportTarget> target = askExportTarget_(*exporter))
                exportModel(*exporter, *target);
        });
        describeAction(name, fromStd(exporter->description()));
        menu.addAction(actions_[name]);
    }
}

/// A save dialog whose file types are the exporter's variants (for Brian2, the devices).
std::optional<MainWindow::ExportTarget>
MainWindow::askExportTargetWithDialog(const Exporter& exporter) {
    const QStringList filters = fromStd(exporter.nameFilters());
    const QString extension = fromStd(exporter.extension());
    const QString name = QFileInfo(document_->filePath()).completeBaseName();
    QString filter = filters.first();
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export as a %1").arg(fromStd(exporter.name())),
        (name.isEmpty() ? "model" : name) + "." + extension, filters.join(";;"), &filter);
    if (path.isEmpty())
        return std::nullopt;
    if (QFileInfo(path).suffix().isEmpty())
        path += "." + extension;
    const std::vector<ExportChoice> choices = exporter.choices();
    const qsizetype chosen = std::max<qsizetype>(0, filters.indexOf(filter));
    return ExportTarget{path, choices.empty() ? QString() : fromStd(choices.at(chosen).id)};
}

/// File > Import > (a format): the format reads the file on a worker thread
/// (a Brian2 script runs); its model opens unsaved, as a new model.
void MainWindow::importFile(const ModelFormat& format, const QString& path) {
    if (!scriptImporter_->start(format, path))
        return;
    enableImports(false);
    const QString warning = fromStd(format.readingWarning());
    report(tr("Importing %1").arg(QFileInfo(path).fileName()) +
           (warning.isEmpty() ? tr("…") : ": " + warning + tr("…")));
}

void MainWindow::enableImports(bool enabled) {
    for (const ModelFormat* format : ModelFormats::with(FormatCapability::Import))
        actions_["import:" + fromStd(format->shortName())]->setEnabled(enabled);
}

void MainWindow::openImportedModel(const Model& model, const QStringList& notes) {
    enableImports(true);
    const QString script = QFileInfo(scriptImporter_->scriptPath()).fileName();
    if (!mayStopRun() || !mayReplaceModel()) {
        report(tr("Import of %1 not opened").arg(script));
        return;
    }
    document_->load(model, {});
    document_->markUnsaved();
    startEditing({});
    updateTitle();
    report(tr("Imported %1; save it to keep it").arg(script));
    if (!notes.isEmpty())
        showMessage_(tr("Imported, with notes"), notes.join("\n"));
}

void MainWindow::reportImportFailure(const QString& message) {
    enableImports(true);
    report(tr("Import failed"));
    showMessage_(tr("Cannot import the file"), message);
}

/// File > Export > (an exporter): the model being edited, unsaved edits and all,
/// through the same exporter as the command line.
bool MainWindow::exportModel(const Exporter& exporter, const ExportTarget& target) {
    std::vector<std::string> notes;
    try {
        notes = exporter.write({writeModelJson(document_->model()), {}, {}},
                               target.choice.toStdString(), target.path.toStdString());
    } catch (const std::exception& error) {
        showMessage_(tr("Cannot export the model"),
                     fromStd(failureMessage(error, "exporting the model")));
        return false;
    }
    report(tr("Exported a %1 to %2").arg(fromStd(exporter.name()), target.path));
    if (!notes.empty())
        showMessage_(tr("Exported, with notes"), fromStd(notes).join("\n"));
    return true;
}

/// The model's first project: its runs so far, in the scratch project, may go along.
void MainWindow::offerScratchRuns(const QString& project) {
    const int count = int(scratchRuns_.count());
    if (count == 0)
        return;
    if (!askTakeRuns_(count, project)) {
        scratchRuns_.forget(); // they stay in the scratch project
        return;
    }
    const QString problem = scratchRuns_.moveInto(project);
    if (!problem.isEmpty())
        showMessage_(tr("Cannot take the runs along"), problem);
    else
        report(tr("Moved %1 into %2")
                   .arg(count == 1 ? tr("1 run") : tr("%1 runs").arg(count),
                        QFileInfo(project).fileName()));
    runsBrowser_->refresh();
}

void MainWindow::recordScratchRun() {
    const std::int64_t run = runView_->controller().storedRunId();
    if (run > 0 && QString::fromStdString(runView_->projectPath()) == ScratchProject::path())
        scratchRuns_.add(run);
}

void MainWindow::openWithDialog() {
    const FormatFilters filters(FormatCapability::Read, kAllModelFiles);
    const QString path = askFileToOpen_(fromStd(filters.joined()));
    if (!path.isEmpty())
        openModelFile(path);
}

bool MainWindow::save() {
    const QString path = document_->filePath();
    // An example is the app's own file: saving it asks for a place of the user's.
    return path.isEmpty() || isExample(path) ? saveWithDialog() : saveModelFile(path);
}

bool MainWindow::saveWithDialog() {
    // A project by default: the layout and every run are kept.
    const QString projectExtension =
        fromStd("." + ModelFormats::byShortName("project")->extensions().front());
    QString suggested = document_->filePath();
    if (suggested.isEmpty() || isExample(suggested))
        suggested = QDir::home().filePath(
            (suggested.isEmpty() ? tr("model") : QFileInfo(suggested).completeBaseName()) +
            projectExtension);
    const FormatFilters filters(FormatCapability::Write, kAllModelFiles);
    QString filter;
    QString path = askSavePath_(suggested, fromStd(filters.joined()), &filter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty()) { // the chosen type's, else a project's
        const ModelFormat* chosen = filters.formatOf(filter.toStdString());
        path += chosen ? fromStd("." + chosen->extensions().front()) : projectExtension;
    }
    return saveModelFile(path);
}

/// True when it is fine to replace the current model: nothing unsaved, the
/// user saved it, or chose to discard the changes.
bool MainWindow::mayReplaceModel() {
    if (!document_->isModified())
        return true;
    switch (askUnsaved_()) {
    case UnsavedChoice::Save:
        return save();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        return false;
    }
    return false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (mayStopRun() && mayReplaceModel()) {
        autosave_->clear(); // saved or deliberately discarded
        event->accept();
    } else
        event->ignore();
}

} // namespace spikestudio
