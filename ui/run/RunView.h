#pragma once

#include "model/Model.h"

#include <QWidget>
#include <functional>
#include <optional>
#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QTimer;

namespace spikestudio {

class ConstantsPanel;
class LivePlot;
class RunController;

/// Run controls and the live plot: duration and seed, Run / Pause / Resume /
/// Stop, a progress bar with simulated time, wall time, speed and time left,
/// and the raster, rate and traces redrawn about 30 times a second while the
/// run goes on. The simulation itself runs on RunController's worker thread.
class RunView : public QWidget {
    Q_OBJECT

public:
    /// `model` gives the model to run, or nothing when it cannot run (errors).
    using ModelSource = std::function<std::optional<Model>()>;

    explicit RunView(ModelSource model, QWidget* parent = nullptr);
    ~RunView() override;

    /// Stores every run in this project file ("" for none).
    void setProjectPath(const std::string& path) { projectPath_ = path; }
    const std::string& projectPath() const { return projectPath_; }

    RunController& controller() const { return *controller_; }
    LivePlot& livePlot() const { return *plot_; }
    bool isRunning() const;
    /// Saves the plots as PNG, JPEG, PDF or SVG (by the extension); false on failure.
    bool exportPlot(const QString& path);

    /// Puts `panel` beside the plots, before the live constants (the
    /// protocol editor), in a scroll area of its own.
    void addSidePanel(QWidget* panel);

    /// A model with a protocol runs its segments: the Duration field, whose
    /// value would be refused, is off while `protocol` is true.
    void setProtocolShown(bool protocol);

    /// A model edited while the run goes on: swapped into the run at the next
    /// step when the network can take it; a note under the status says so.
    void applyEdit(const Model& model);

public slots:
    void run();
    /// Run > Threads: how many threads the next run is shared between.
    QMenu* threadsMenu() const { return threadsMenu_; }
    int threads() const;
    /// Back to how a new model starts: no duration or seed typed, no
    /// constants, empty plots (does nothing during a run).
    void clear();
    void togglePause();
    void stop();

signals:
    void runEnded(const QString& message);
    /// The "Sweep…" button: the main window opens the Sweep dialog.
    void sweepRequested();

private:
    void buildControls();
    void buildThreadsMenu();
    void refresh();
    void updateButtons();
    void showEnd(int state, const QString& message);

    ModelSource model_;
    std::string projectPath_;
    RunController* controller_;
    LivePlot* plot_;
    ConstantsPanel* constants_ = nullptr;
    QScrollArea* constantsArea_ = nullptr;
    QSplitter* split_ = nullptr;
    QTimer* timer_;
    QLineEdit* duration_ = nullptr;
    QLineEdit* seed_ = nullptr;
    QMenu* threadsMenu_ = nullptr;
    QPushButton* runButton_ = nullptr;
    QPushButton* pauseButton_ = nullptr;
    QPushButton* stopButton_ = nullptr;
    QPushButton* exportButton_ = nullptr;
    QProgressBar* progressBar_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* editNote_ = nullptr;
    std::string lastEdit_; // the model the run has, as JSON
    QComboBox* window_ = nullptr;
    double plottedDuration_ = 0.0;
    bool protocol_ = false;
};

} // namespace spikestudio
