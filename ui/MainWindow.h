#pragma once

#include "canvas/NetworkScene.h"
#include "document/Autosave.h"
#include "model/Model.h"

#include <QMainWindow>
#include <functional>
#include <memory>

class QAction;
class QLabel;
class QMenu;

namespace spikestudio {

class InspectorPanel;
class RunView;
class RunsBrowser;
class ModelDiagnostics;
class ModelDocument;
class NetworkView;

/// Spike Studio's main window: the network canvas in the middle, a palette
/// toolbar above it, the inspector docked on the right, the checker's verdict
/// in the status bar.
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

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ModelDocument* document() const { return document_; }
    ModelDiagnostics* diagnostics() const { return diagnostics_; }
    NetworkScene* scene() const { return scene_; }
    NetworkView* view() const { return view_; }
    InspectorPanel* inspector() const { return inspector_; }
    spikestudio::RunView* runView() const { return runView_; }
    spikestudio::RunsBrowser* runsBrowser() const { return runsBrowser_; }
    QAction* action(const QString& name) const;

    void setMessageHandler(MessageHandler handler) { showMessage_ = std::move(handler); }
    void setUnsavedChangesHandler(UnsavedChangesHandler handler) {
        askUnsaved_ = std::move(handler);
    }
    void setStopRunHandler(StopRunHandler handler) { askStopRun_ = std::move(handler); }

    /// Opens a model file; on failure shows why and keeps the current model.
    bool openModelFile(const QString& path);
    /// Writes the model through ModelWriter; on failure shows why.
    bool saveModelFile(const QString& path);
    void newModel();
    /// Offers to restore the edits a crashed session left (asks through the
    /// recovery handler); true when they were restored.
    bool offerRecovery();
    /// Where unsaved edits are kept (tests point it at a temporary directory).
    void setAutosaveDirectory(const QString& directory);
    /// Saves unsaved edits now (the timer does it every 30 s).
    void autosaveNow();
    using RecoveryHandler = std::function<bool(const QString& originalPath)>;
    void setRecoveryHandler(RecoveryHandler handler) { askRecovery_ = std::move(handler); }
    /// Lists the example models of `directory` under File > Examples.
    void setExamplesDirectory(const QString& directory);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createPalette();
    void createDock();
    void createRunDock();
    void createRunsDock();
    void useProject(const QString& path);
    bool mayStopRun();
    QAction* addAction(const QString& name, const QString& text, const QKeySequence& shortcut,
                       const std::function<void()>& handler);
    void addGroup(spikestudio::GroupType type);
    void addTemplateGroup(const QString& id);
    void addGroupSpec(spikestudio::GroupSpec group);
    void showCanvasMenu(const QPoint& at);
    void fillRecentMenu();

public:
    /// Adds a monitor of `group` (one undo step): spikes, population rate, or
    /// the state variables `variables` of the first `count` neurons.
    void addMonitor(const QString& group, spikestudio::MonitorType type,
                    const std::vector<std::string>& variables = {}, long long count = 0);

private:
    void deleteSelection();
    void renameSelection();
    void openWithDialog();
    bool save();
    bool saveWithDialog();
    bool mayReplaceModel();
    void followSelection();
    void showCheckResult();
    void updateTitle();
    void updateModeActions(NetworkScene::Mode mode);

    ModelDocument* document_;
    ModelDiagnostics* diagnostics_;
    NetworkScene* scene_;
    NetworkView* view_;
    InspectorPanel* inspector_ = nullptr;
    spikestudio::RunView* runView_ = nullptr;
    spikestudio::RunsBrowser* runsBrowser_ = nullptr;
    QMenu* examplesMenu_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QLabel* checkStatus_ = nullptr;
    QHash<QString, QAction*> actions_;
    MessageHandler showMessage_;
    UnsavedChangesHandler askUnsaved_;
    StopRunHandler askStopRun_;
    RecoveryHandler askRecovery_;
    std::unique_ptr<Autosave> autosave_;
};

} // namespace spikestudio
