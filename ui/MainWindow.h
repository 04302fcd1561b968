#pragma once

#include "canvas/NetworkScene.h"
#include "document/Autosave.h"
#include "model/Model.h"
#include "runs/ScratchRuns.h"
#include "start/StartPage.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolBar;

namespace spikestudio {

class Exporter;
class HelpWindow;
class ModelFormat;
class ScriptImporter;
class InspectorPanel;
class RunView;
class RunsBrowser;
class ModelDiagnostics;
class ModelDocument;
class NetworkView;
class SelectionEditing;
class SweepView;
struct SweepRequest;

/// Spike Studio's main window: a start page while no model is open; then the
/// network canvas in the middle with the run panel (controls and live plots)
/// under it, a palette toolbar above, the inspector and the runs tabbed on
/// the right, the checker's verdict and the zoom in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class UnsavedChoice { Save, Discard, Cancel };
    /// Shows a problem to the user (a message box; tests replace it).
    using MessageHandler = std::function<void(const QString& title, const QString& text)>;
    /// Asks what to do with unsaved changes (a message box; tests replace it).
    using UnsavedChangesHandler = std::function<UnsavedChoice()>;
    /// Asks whether to stop a run that is going on (a message box; tests replace it).
    using StopRunHandler = std::function<bool()>;
    /// Asks whether to take `count` runs from the scratch project into the
    /// project the model was just saved as (a message box; tests replace it).
    using TakeRunsHandler = std::function<bool(int count, const QString& project)>;
    /// Where File > Export > (an exporter) writes, and which of its variants
    /// (a Brian2 device).
    struct ExportTarget {
        QString path;
        QString choice; // an id of the exporter's choices(); empty when it has none
    };
    /// Asks where to export and as which variant (a save dialog; tests replace it).
    using ExportTargetHandler = std::function<std::optional<ExportTarget>(const Exporter&)>;
    /// The file to open, offered `filters` (";;"-separated); empty to cancel
    /// (an open dialog; tests replace it).
    using FileToOpenHandler = std::function<QString(const QString& filters)>;
    /// Where Save As writes, offered `filters`, starting at `suggested`; sets
    /// `chosenFilter` to the type picked; empty to cancel (a save dialog; tests replace it).
    using SavePathHandler = std::function<QString(const QString& suggested, const QString& filters,
                                                  QString* chosenFilter)>;
    /// The file to import as `format`; empty to cancel (an open dialog; tests replace it).
    using FileToImportHandler = std::function<QString(const ModelFormat& format)>;

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ModelDocument* document() const { return document_; }
    ModelDiagnostics* diagnostics() const { return diagnostics_; }
    NetworkScene* scene() const { return scene_; }
    NetworkView* view() const { return view_; }
    InspectorPanel* inspector() const { return inspector_; }
    spikestudio::RunView* runView() const { return runView_; }
    spikestudio::RunsBrowser* runsBrowser() const { return runsBrowser_; }
    spikestudio::SweepView* sweepView() const { return sweepView_; }
    StartPage* startPage() const { return startPage_; }
    /// The guide's window once F1 opened it.
    HelpWindow* helpWindow() const;
    QAction* action(const QString& name) const;

    void setMessageHandler(MessageHandler handler) { showMessage_ = std::move(handler); }
    void setUnsavedChangesHandler(UnsavedChangesHandler handler) {
        askUnsaved_ = std::move(handler);
    }
    void setStopRunHandler(StopRunHandler handler) { askStopRun_ = std::move(handler); }
    void setTakeRunsHandler(TakeRunsHandler handler) { askTakeRuns_ = std::move(handler); }
    void setFileToOpenHandler(FileToOpenHandler handler) { askFileToOpen_ = std::move(handler); }
    void setSavePathHandler(SavePathHandler handler) { askSavePath_ = std::move(handler); }
    void setExportTargetHandler(ExportTargetHandler handler) {
        askExportTarget_ = std::move(handler);
    }
    void setFileToImportHandler(FileToImportHandler handler) {
        askFileToImport_ = std::move(handler);
    }
    /// Imports `path` as `format` on a worker thread (a Brian2 script runs);
    /// the model opens unsaved.
    void importFile(const ModelFormat& format, const QString& path);
    /// The model being edited through `exporter`; on failure shows why.
    bool exportModel(const Exporter& exporter, const ExportTarget& target);
    ScriptImporter* scriptImporter() const { return scriptImporter_; }

    /// Opens a file of a readable format, told by its content; on failure
    /// shows why and keeps the current model.
    bool openModelFile(const QString& path);
    /// A file named on the command line: one of an importing format (a Brian2
    /// script, whose code runs: naming it is asking for that) is imported,
    /// anything else opened.
    void openOrImport(const QString& path);
    /// Writes the model in the format ModelFormats chooses for `path`; on failure shows why.
    bool saveModelFile(const QString& path);
    /// Starts an empty model in the editor, with a clean run panel.
    void newModel();
    /// Closes the model (asking about unsaved edits and a run) and shows the start page.
    bool closeModel();
    bool isShowingStartPage() const;
    /// Offers to restore the edits a crashed session left (asks through the
    /// recovery handler); true when they were restored.
    bool offerRecovery();
    /// Where unsaved edits are kept (tests point it at a temporary directory).
    void setAutosaveDirectory(const QString& directory);
    /// Saves unsaved edits now (the timer does it every 30 s).
    void autosaveNow();
    using RecoveryHandler = std::function<bool(const QString& originalPath)>;
    void setRecoveryHandler(RecoveryHandler handler) { askRecovery_ = std::move(handler); }
    /// Lists the example models of `directory` under File > Examples and on
    /// the start page. Examples never enter Open Recent and are not saved over.
    void setExamplesDirectory(const QString& directory);

    /// Adds a monitor of `group` (one undo step): spikes, population rate, or
    /// the state variables `variables` of the first `count` neurons.
    void addMonitor(const QString& group, spikestudio::MonitorType type,
                    const std::vector<std::string>& variables = {}, long long count = 0);
    /// The canvas's context menu for a click at `at` (viewport coordinates):
    /// for a group, a Synapses object, or the empty canvas. The caller owns it.
    QMenu* canvasMenu(const QPoint& at);
    /// Starts a sweep of the Sweep dialog, stored in the project runs go to,
    /// and shows the Sweep view; an error message (also shown), or "".
    QString startSweep(spikestudio::SweepRequest request);
    /// Opens the guide (F1), at the section whose title starts with `section`.
    HelpWindow* openHelp(const QString& section = {});

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void askWithMessageBoxes();
    void createActions();
    void createFileActions();
    void createEditActions();
    void createViewActions();
    void createRunActions();
    void createHelpActions();
    void createMenus();
    void createPalette();
    QList<QAction*> addGroupActions() const;
    QAction* paletteStep(const QString& name, const QString& text);
    void createCentralPages();
    void createDocks();
    void createStatusBar();
    void connectDocument();
    void useProject(const QString& path);
    bool mayStopRun();
    QAction* addAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                       const std::function<void()>& handler);
    void describeAction(const QString& name, const QString& description);
    void addGroup(spikestudio::GroupType type);
    void addTemplateGroup(const QString& id);
    void addGroupSpec(spikestudio::GroupSpec group, std::optional<QPointF> near = {});
    void showCanvasMenu(const QPoint& at);
    void addGroupMenuItems(QMenu& menu, const QString& group);
    void addEditMenuItems(QMenu& menu);
    void fillRecentMenu();
    void refreshStartPage();
    void showEditor();
    void showStartPage();
    void enableEditing(bool enabled);
    void report(const QString& message);
    void renameSelection();
    void openWithDialog();
    bool save();
    bool saveWithDialog();
    void createImportActions(QMenu& menu);
    void createExportActions(QMenu& menu);
    std::optional<ExportTarget> askExportTargetWithDialog(const Exporter& exporter);
    void enableImports(bool enabled);
    void openImportedModel(const spikestudio::Model& model, const QStringList& notes);
    void startEditing(const QString& projectPath);
    void reportImportFailure(const QString& message);
    bool mayReplaceModel();
    bool isExample(const QString& path) const;
    void offerScratchRuns(const QString& project);
    void recordScratchRun();
    void followSelection();
    void showCheckResult();
    void updateTitle();
    void updateModeActions(NetworkScene::Mode mode);
    void showAbout();
    void openSweepDialog();
    void showSweepRun(const QString& project, qint64 run);

    ModelDocument* document_;
    ModelDiagnostics* diagnostics_;
    NetworkScene* scene_;
    NetworkView* view_;
    SelectionEditing* editing_;
    QStackedWidget* pages_ = nullptr;
    StartPage* startPage_ = nullptr;
    QSplitter* editor_ = nullptr;
    InspectorPanel* inspector_ = nullptr;
    QDockWidget* inspectorDock_ = nullptr;
    QDockWidget* runsDock_ = nullptr;
    QDockWidget* sweepDock_ = nullptr;
    spikestudio::SweepView* sweepView_ = nullptr;
    QToolBar* palette_ = nullptr;
    spikestudio::RunView* runView_ = nullptr;
    spikestudio::RunsBrowser* runsBrowser_ = nullptr;
    QPointer<HelpWindow> help_;
    QMenu* examplesMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QLabel* checkStatus_ = nullptr;
    QLabel* zoomStatus_ = nullptr;
    QHash<QString, QAction*> actions_;
    QString examplesDirectory_;
    QList<StartPage::Example> examples_;
    ScratchRuns scratchRuns_;
    MessageHandler showMessage_;
    UnsavedChangesHandler askUnsaved_;
    StopRunHandler askStopRun_;
    TakeRunsHandler askTakeRuns_;
    FileToOpenHandler askFileToOpen_;
    SavePathHandler askSavePath_;
    ExportTargetHandler askExportTarget_;
    FileToImportHandler askFileToImport_;
    ScriptImporter* scriptImporter_ = nullptr;
    RecoveryHandler askRecovery_;
    std::unique_ptr<Autosave> autosave_;
};

} // namespace spikestudio
