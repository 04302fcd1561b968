#include "MainWindow.h"

#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkView.h"
#include "commands/AddGroupCommand.h"
#include "commands/AddMonitorCommand.h"
#include "commands/DeleteObjectsCommand.h"
#include "commands/EditModelCommand.h"
#include "diagnostics/FailureMessage.h"
#include "diagnostics/ModelDiagnostics.h"
#include "diagnostics/ModelError.h"
#include "document/LayoutJson.h"
#include "document/ModelDefaults.h"
#include "document/ModelDocument.h"
#include "document/ModelLookup.h"
#include "document/NeuronTemplates.h"
#include "document/RecentFiles.h"
#include "inspector/InspectorPanel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"
#include "run/RunController.h"
#include "run/RunView.h"
#include "runs/RunsBrowser.h"
#include "runs/ScratchProject.h"
#include "storage/PathChecks.h"
#include "storage/Project.h"

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
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace spikestudio {

namespace {

const QString kModelFilter =
    QObject::tr("Spike Studio projects and models (*.spikestudio *.json);;Spike Studio projects "
                "(*.spikestudio);;Models (*.json);;All files (*)");

/// Projects (SQLite, keeping the layout and every run) by their extension or,
/// for an existing file, by their first bytes.
bool isProjectPath(const QString& path) {
    return QFileInfo(path).suffix() == "spikestudio" ||
           PathChecks::hasSqliteHeader(path.toStdString());
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), document_(new ModelDocument(this)),
      diagnostics_(new ModelDiagnostics(document_, this)),
      scene_(new NetworkScene(document_, this)), view_(new NetworkView(scene_, this)) {
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
    view_->setObjectName("canvas");
    setCentralWidget(view_);
    createActions();
    createMenus();
    createPalette();
    createDock();
    createRunDock();
    createRunsDock();
    checkStatus_ = new QLabel(this);
    checkStatus_->setObjectName("checkStatus");
    statusBar()->addWidget(checkStatus_, 1);

    connect(scene_, &QGraphicsScene::selectionChanged, this, &MainWindow::followSelection);
    autosave_ = std::make_unique<Autosave>();
    askRecovery_ = [this](const QString& originalPath) {
        return QMessageBox::question(
                   this, tr("Recover unsaved changes"),
                   tr("Spike Studio did not close normally. Recover the unsaved changes%1?")
                       .arg(originalPath.isEmpty() ? QString() : tr(" to %1").arg(originalPath)),
                   QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
    };
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
    resize(1280, 800);
    newModel();
}

MainWindow::~MainWindow() {
    // Children go in creation order: the document before the scene, whose
    // items would otherwise report a last selection change to a dead document.
    disconnect(scene_, nullptr, this, nullptr);
    // The undo stack goes after our members; it must not call back into them.
    disconnect(document_->undoStack(), nullptr, this, nullptr);
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

void MainWindow::createActions() {
    addAction("new", tr("&New"), QKeySequence::New, [this] {
        if (mayReplaceModel())
            newModel();
    });
    addAction("open", tr("&Open…"), QKeySequence::Open, [this] { openWithDialog(); });
    addAction("save", tr("&Save"), QKeySequence::Save, [this] { save(); });
    addAction("saveAs", tr("Save &As…"), QKeySequence::SaveAs, [this] { saveWithDialog(); });
    addAction("quit", tr("&Quit"), QKeySequence::Quit, [this] { close(); });

    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    actions_.insert("undo", undo);
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    actions_.insert("redo", redo);
    // Delete and F2 act on the canvas only, so they never steal keys from the inspector.
    QAction* remove =
        addAction("delete", tr("&Delete"), QKeySequence::Delete, [this] { deleteSelection(); });
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view_->QWidget::addAction(remove);
    addAction("rename", tr("Re&name"), Qt::Key_F2, [this] { renameSelection(); });

    addAction("zoomIn", tr("Zoom &In"), QKeySequence::ZoomIn, [this] { view_->zoomBy(1.25); });
    addAction("zoomOut", tr("Zoom &Out"), QKeySequence::ZoomOut, [this] { view_->zoomBy(0.8); });
    addAction("fit", tr("&Fit Network"), Qt::CTRL | Qt::Key_0, [this] { view_->fitNetwork(); });

    addAction("select", tr("Select"), Qt::Key_Escape,
              [this] { scene_->setMode(NetworkScene::Mode::Select); });
    addAction("connect", tr("Connect"), Qt::Key_C,
              [this] { scene_->setMode(NetworkScene::Mode::Connect); });
    for (const QString name : {"select", "connect", "delete", "rename"})
        actions_[name]->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    view_->QWidget::addActions({actions_["select"], actions_["connect"], actions_["rename"]});
    auto* modes = new QActionGroup(this);
    for (const QString name : {"select", "connect"}) {
        actions_[name]->setCheckable(true);
        modes->addAction(actions_[name]);
    }
    actions_["select"]->setChecked(true);
    actions_["connect"]->setToolTip(
        tr("Connect (C): click the source group, then the target group"));

    addAction("addNeuronGroup", tr("Neuron group"), {},
              [this] { addGroup(GroupType::NeuronGroup); });
    addAction("addPoissonGroup", tr("Poisson group"), {},
              [this] { addGroup(GroupType::PoissonGroup); });
    addAction("addSpikeGenerator", tr("Spike generator"), {},
              [this] { addGroup(GroupType::SpikeGeneratorGroup); });
    for (const NeuronTemplates::Template& entry : NeuronTemplates::all())
        addAction("template:" + entry.id, entry.title, {},
                  [this, id = entry.id] { addTemplateGroup(id); });
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
    file->addActions({actions_["save"], actions_["saveAs"]});
    file->addSeparator();
    file->addAction(actions_["quit"]);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({actions_["undo"], actions_["redo"]});
    edit->addSeparator();
    edit->addActions({actions_["rename"], actions_["delete"]});
    QMenu* add = menuBar()->addMenu(tr("&Add"));
    add->addActions(
        {actions_["addNeuronGroup"], actions_["addPoissonGroup"], actions_["addSpikeGenerator"]});
    QMenu* templates = add->addMenu(tr("Neuron from template"));
    for (const NeuronTemplates::Template& entry : NeuronTemplates::all())
        templates->addAction(actions_["template:" + entry.id]);
    add->addSeparator();
    add->addAction(actions_["connect"]);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions({actions_["zoomIn"], actions_["zoomOut"], actions_["fit"]});
}

void MainWindow::createPalette() {
    QToolBar* palette = addToolBar(tr("Palette"));
    palette->setObjectName("palette");
    palette->setMovable(false);
    palette->setToolButtonStyle(Qt::ToolButtonTextOnly);
    palette->addActions({actions_["select"], actions_["connect"]});
    palette->addSeparator();
    palette->addActions(
        {actions_["addNeuronGroup"], actions_["addPoissonGroup"], actions_["addSpikeGenerator"]});
    palette->addSeparator();
    palette->addActions({actions_["undo"], actions_["redo"]});
}

void MainWindow::createDock() {
    inspector_ = new InspectorPanel(document_, diagnostics_, this);
    auto* dock = new QDockWidget(tr("Inspector"), this);
    dock->setObjectName("inspectorDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    dock->setWidget(inspector_);
    dock->setMinimumWidth(380);
    addDockWidget(Qt::RightDockWidgetArea, dock);
}

// The run controls and live plots sit under the canvas; the simulation runs on
// a worker thread, so editing stays responsive while it goes on.
void MainWindow::createRunDock() {
    runView_ = new spikestudio::RunView(
        [this]() -> std::optional<Model> {
            if (!diagnostics_->canRun())
                return std::nullopt;
            return document_->model();
        },
        this);
    auto* dock = new QDockWidget(tr("Run"), this);
    dock->setObjectName("runDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    dock->setWidget(runView_);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    resizeDocks({dock}, {420}, Qt::Vertical);
    QMenu* menu = menuBar()->addMenu(tr("&Run"));
    menu->addAction(tr("Run"), runView_, &spikestudio::RunView::run);
    menu->addAction(tr("Pause / Resume"), QKeySequence("Ctrl+P"), runView_,
                    &spikestudio::RunView::togglePause);
    menu->addAction(tr("Stop"), QKeySequence("Ctrl+."), runView_, &spikestudio::RunView::stop);
    // Equations edited during a run go into it once they check (live edits).
    connect(diagnostics_, &ModelDiagnostics::updated, this, [this] {
        if (runView_->isRunning() && diagnostics_->canRun())
            runView_->applyEdit(document_->model());
    });
}

// The open project's runs, beside the inspector; refreshed when a run ends.
void MainWindow::createRunsDock() {
    runsBrowser_ = new spikestudio::RunsBrowser(this);
    auto* dock = new QDockWidget(tr("Runs"), this);
    dock->setObjectName("runsDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable);
    dock->setWidget(runsBrowser_);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    tabifyDockWidget(findChild<QDockWidget*>("inspectorDock"), dock);
    findChild<QDockWidget*>("inspectorDock")->raise();
    connect(runView_, &spikestudio::RunView::runEnded, runsBrowser_,
            &spikestudio::RunsBrowser::refresh);
}

/// Runs are recorded into, and listed from, the open file when it is a
/// project, and otherwise the scratch project, so that no run is lost.
void MainWindow::useProject(const QString& path) {
    const bool scratch = !isProjectPath(path);
    const std::string project = (scratch ? ScratchProject::path() : path).toStdString();
    runView_->setProjectPath(project);
    runsBrowser_->setProjectPath(project, scratch);
}

/// Right-click on a group: record its spikes, rate or state variables.
void MainWindow::showCanvasMenu(const QPoint& at) {
    auto* node = dynamic_cast<GroupNodeItem*>(view_->itemAt(at));
    if (!node)
        return;
    const QString group = node->name();
    const GroupSpec* spec = ModelLookup::group(document_->model(), group);
    if (!spec)
        return;
    QMenu menu(this);
    menu.addAction(tr("Record spikes"), this,
                   [this, group] { addMonitor(group, MonitorType::Spike); });
    menu.addAction(tr("Record population rate"), this,
                   [this, group] { addMonitor(group, MonitorType::PopulationRate); });
    if (spec->type == GroupType::NeuronGroup)
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
    menu.exec(view_->viewport()->mapToGlobal(at));
}

void MainWindow::addMonitor(const QString& group, MonitorType type,
                            const std::vector<std::string>& variables, long long count) {
    const MonitorSpec monitor =
        ModelDefaults::monitor(document_->model(), group.toStdString(), type, variables, count);
    document_->undoStack()->push(new AddMonitorCommand(document_, monitor));
}

void MainWindow::fillRecentMenu() {
    recentMenu_->clear();
    for (const QString& path : RecentFiles::list())
        recentMenu_->addAction(QFileInfo(path).fileName() + "  —  " + path, this, [this, path] {
            if (!QFileInfo::exists(path)) {
                RecentFiles::remove(path);
                showMessage_(tr("Cannot open the model"), tr("%1 no longer exists.").arg(path));
                return;
            }
            if (mayStopRun() && mayReplaceModel())
                openModelFile(path);
        });
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
    examplesMenu_->clear();
    const QDir examples(directory);
    for (const QFileInfo& file : examples.entryInfoList({"*.json"}, QDir::Files, QDir::Name)) {
        QString title = file.completeBaseName();
        try { // the menu shows each model's own name
            const std::string name = readModelFile(file.filePath().toStdString()).name;
            if (!name.empty())
                title = QString::fromStdString(name);
        } catch (const ModelError&) {
            continue; // not a model: not an example
        }
        QAction* action = examplesMenu_->addAction(title, this, [this, path = file.filePath()] {
            if (mayStopRun() && mayReplaceModel())
                openModelFile(path);
        });
        action->setObjectName("example:" + file.completeBaseName());
    }
    examplesMenu_->setEnabled(!examplesMenu_->isEmpty());
}

void MainWindow::addGroup(GroupType type) {
    addGroupSpec(ModelDefaults::group(type, document_->model()));
}

void MainWindow::addTemplateGroup(const QString& id) {
    const std::string name = ModelLookup::freeName(document_->model(), "G").toStdString();
    addGroupSpec(NeuronTemplates::make(id, name));
}

void MainWindow::addGroupSpec(GroupSpec group) {
    const QPointF center = view_->mapToScene(view_->viewport()->rect().center());
    const QPointF position = freeSpotNear(document_->layout(), center);
    const QString name = QString::fromStdString(group.name);
    document_->undoStack()->push(new AddGroupCommand(document_, std::move(group), position));
    scene_->selectObject(ObjectRef::group(name));
}

void MainWindow::deleteSelection() {
    const QList<ObjectRef> selected = scene_->selectedObjects();
    if (!selected.isEmpty())
        document_->undoStack()->push(new DeleteObjectsCommand(document_, selected));
}

void MainWindow::renameSelection() {
    const QList<ObjectRef> selected = scene_->selectedObjects();
    if (selected.size() == 1)
        inspector_->focusName();
}

void MainWindow::followSelection() {
    const QList<ObjectRef> selected = scene_->selectedObjects();
    inspector_->showObject(selected.size() == 1 ? selected.first() : ObjectRef{});
}

void MainWindow::showCheckResult() {
    const auto& problem = diagnostics_->problem();
    scene_->setProblemObject(problem ? problem->object : QString());
    if (!problem) {
        checkStatus_->setStyleSheet(QStringLiteral("color: #15803d;"));
        checkStatus_->setText(tr("✓ Model checks: units and names are consistent"));
        return;
    }
    checkStatus_->setStyleSheet(QStringLiteral("color: #d0312d;"));
    checkStatus_->setText(tr("✗ %1").arg(problem->message));
}

void MainWindow::updateTitle() {
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

void MainWindow::newModel() {
    document_->load(ModelDefaults::emptyModel(), {});
    useProject({});
    inspector_->showObject({});
    diagnostics_->checkNow();
}

bool MainWindow::openModelFile(const QString& path) {
    Model model;
    NodeLayout layout;
    try {
        if (isProjectPath(path)) { // the project's model and where its nodes were
            const std::optional<StoredModel> stored =
                Project(path.toStdString(), ProjectAccess::ReadOnly).model();
            if (!stored)
                throw ModelError({"", "", 0, 0}, "the project holds no model");
            model = readModel(stored->modelJson);
            layout = LayoutJson::read(stored->layoutJson);
        } else {
            model = readModelFile(path.toStdString());
        }
    } catch (const std::exception& error) {
        showMessage_(tr("Cannot open the model"),
                     tr("%1 could not be opened:\n%2")
                         .arg(QFileInfo(path).fileName(),
                              QString::fromStdString(failureMessage(error, "opening it"))));
        return false;
    }
    document_->load(std::move(model), path, std::move(layout));
    RecentFiles::add(path);
    useProject(path);
    inspector_->showObject({});
    view_->fitNetwork();
    diagnostics_->checkNow();
    return true;
}

bool MainWindow::saveModelFile(const QString& path) {
    try {
        if (isProjectPath(path)) { // a failed save keeps the old model, or leaves no new file
            const std::string model = writeModelJson(document_->model());
            const std::string layout = LayoutJson::write(document_->layout());
            Project::openOrCreate(path.toStdString(), model, layout).saveModel(model, layout);
        } else {
            writeModelFile(document_->model(), path.toStdString());
        }
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
    return true;
}

void MainWindow::openWithDialog() {
    if (!mayReplaceModel())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Model"), {}, kModelFilter);
    if (!path.isEmpty())
        openModelFile(path);
}

bool MainWindow::save() {
    return document_->filePath().isEmpty() ? saveWithDialog()
                                           : saveModelFile(document_->filePath());
}

bool MainWindow::saveWithDialog() {
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save As"), document_->filePath(), kModelFilter);
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".spikestudio"; // a project: the layout and every run are kept
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
