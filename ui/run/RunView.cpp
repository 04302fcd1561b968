#include "run/RunView.h"

#include "document/ProtocolTimes.h"
#include "model/ModelWriter.h"
#include "model/Seed.h"
#include "plots/LivePlot.h"
#include "plots/PlotStyle.h"
#include "run/ConstantsPanel.h"
#include "run/RunController.h"
#include "runtime/MachineCores.h"

#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

QString seconds(double value) {
    return value < 1.0 ? QString::number(value * 1e3, 'f', 0) + " ms"
                       : QString::number(value, 'f', 2) + " s";
}

} // namespace

RunView::RunView(ModelSource model, QWidget* parent)
    : QWidget(parent), model_(std::move(model)), controller_(new RunController(this)),
      plot_(new LivePlot(this)), timer_(new QTimer(this)) {
    buildControls();
    auto* layout = qobject_cast<QVBoxLayout*>(this->layout());
    auto* split = new QSplitter(this);
    split_ = split;
    split->addWidget(plot_);
    constants_ = new ConstantsPanel(*controller_);
    // In a scroll area, so that many constants never make the panel taller.
    constantsArea_ = new QScrollArea(split);
    constantsArea_->setWidget(constants_);
    constantsArea_->setWidgetResizable(true);
    constantsArea_->setFrameShape(QFrame::NoFrame);
    constantsArea_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Wide enough to read a name and its value; the plots get the rest.
    constantsArea_->setMinimumWidth(210);
    constantsArea_->setMaximumWidth(280);
    split->addWidget(constantsArea_);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    constantsArea_->hide(); // shown for models with constants
    layout->addWidget(split, 1);
    timer_->setInterval(33); // about 30 redraws a second
    // A dialog asked over a run (quit, save, ...) paints at once: the plots,
    // whose redraws fill the event loop, wait until it closes.
    connect(timer_, &QTimer::timeout, this, [this] {
        if (!QApplication::activeModalWidget())
            refresh();
    });
    connect(controller_, &RunController::stateChanged, this, &RunView::updateButtons,
            Qt::QueuedConnection);
    connect(
        controller_, &RunController::finished, this,
        [this](RunController::State state, const QString& message) {
            showEnd(int(state), message);
        },
        Qt::QueuedConnection);
    updateButtons();
}

RunView::~RunView() {
    controller_->stop();
    controller_->wait();
}

// Run > Threads: one entry per count up to the cores, all of them checked
// first. A menu, not a box in the crowded Run row: it is set once, rarely.
void RunView::buildThreadsMenu() {
    threadsMenu_ = new QMenu(tr("&Threads"), this);
    threadsMenu_->setObjectName("threadsMenu");
    threadsMenu_->setToolTipsVisible(true);
    auto* group = new QActionGroup(threadsMenu_);
    const int cores = machineCores(kMostThreadsPerRun);
    for (int count = 1; count <= cores; ++count) {
        const QString threads = count == 1 ? tr("1 thread") : tr("%1 threads").arg(count);
        QAction* action =
            threadsMenu_->addAction(count == cores ? tr("%1, one per core").arg(threads) : threads);
        action->setData(count);
        action->setCheckable(true);
        action->setChecked(count == cores);
        action->setToolTip(tr("Share the run's neurons and synapses between %1; the results "
                              "are the same for any number")
                               .arg(threads));
        group->addAction(action);
    }
}

int RunView::threads() const {
    for (const QAction* action : threadsMenu_->actions())
        if (action->isChecked())
            return action->data().toInt();
    return 1;
}

void RunView::buildControls() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    auto* controls = new QHBoxLayout;
    duration_ = new QLineEdit(this);
    duration_->setObjectName("runDuration");
    duration_->setPlaceholderText("model's");
    duration_->setToolTip("Simulated time, e.g. 500*ms (empty: the model's duration)");
    duration_->setMaximumWidth(110);
    duration_->setMinimumWidth(duration_->fontMetrics().horizontalAdvance("500*ms") + 16);
    seed_ = new QLineEdit(this);
    seed_->setObjectName("runSeed");
    seed_->setPlaceholderText("model's");
    seed_->setToolTip("Random seed (empty: the model's, or a fresh one)");
    seed_->setMaximumWidth(90);
    seed_->setMinimumWidth(seed_->fontMetrics().horizontalAdvance("1234567") + 16);
    buildThreadsMenu();
    runButton_ = new QPushButton("Run", this);
    runButton_->setObjectName("runButton");
    runButton_->setToolTip("Run the model (Ctrl+R, or Enter in Duration or Seed)");
    pauseButton_ = new QPushButton("Pause", this);
    pauseButton_->setObjectName("pauseButton");
    pauseButton_->setToolTip("Pause or resume the run (Ctrl+P)");
    stopButton_ = new QPushButton("Stop", this);
    stopButton_->setObjectName("stopButton");
    stopButton_->setToolTip("Stop the run and keep its results so far (Ctrl+.)");
    exportButton_ = new QPushButton("Export plot…", this);
    exportButton_->setObjectName("exportPlotButton");
    exportButton_->setToolTip("Save the plots as PNG, SVG, PDF or JPEG");
    window_ = new QComboBox(this);
    window_->setObjectName("plotWindow");
    window_->addItem("Whole run", 0.0);
    window_->addItem("Last 100 ms", 0.1);
    window_->addItem("Last 1 s", 1.0);
    progressBar_ = new QProgressBar(this);
    progressBar_->setRange(0, 1000);
    progressBar_->setTextVisible(false);
    progressBar_->setMaximumHeight(10);
    status_ = new QLabel("Ready", this);
    status_->setObjectName("runStatus");
    controls->addWidget(new QLabel("Duration", this));
    controls->addWidget(duration_);
    controls->addWidget(new QLabel("Seed", this));
    controls->addWidget(seed_);
    controls->addWidget(runButton_);
    controls->addWidget(pauseButton_);
    controls->addWidget(stopButton_);
    auto* sweepButton = new QPushButton(tr("Sweep…"), this);
    sweepButton->setObjectName("sweepButton");
    sweepButton->setToolTip(tr("Run the model for many values of its constants at once"));
    connect(sweepButton, &QPushButton::clicked, this, &RunView::sweepRequested);
    controls->addWidget(sweepButton);
    controls->addStretch(1);
    controls->addWidget(window_);
    controls->addWidget(exportButton_);
    layout->addLayout(controls);
    layout->addWidget(progressBar_);
    layout->addWidget(status_);
    editNote_ = new QLabel(this);
    editNote_->setObjectName("editNote");
    editNote_->setWordWrap(true);
    editNote_->hide();
    layout->addWidget(editNote_);
    connect(runButton_, &QPushButton::clicked, this, &RunView::run);
    connect(duration_, &QLineEdit::returnPressed, this, &RunView::run);
    connect(seed_, &QLineEdit::returnPressed, this, &RunView::run);
    connect(pauseButton_, &QPushButton::clicked, this, &RunView::togglePause);
    connect(stopButton_, &QPushButton::clicked, this, &RunView::stop);
    connect(exportButton_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), "plot.png",
                                                          PlotStyle::saveFilter());
        if (path.isEmpty())
            return;
        const QString problem = PlotStyle::save(*plot_->plot(), path);
        status_->setText(problem.isEmpty() ? tr("Saved %1").arg(path)
                                           : tr("Could not export the plot: %1").arg(problem));
    });
    connect(window_, &QComboBox::currentIndexChanged, this, [this] {
        plot_->setScrollingWindow(window_->currentData().toDouble());
        refresh();
    });
}

void RunView::addSidePanel(QWidget* panel) {
    auto* area = new QScrollArea;
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setMinimumWidth(300);
    split_->insertWidget(1, area);
    split_->setStretchFactor(1, 2);
    split_->setStretchFactor(2, 1);
}

void RunView::setProtocolShown(bool protocol) {
    protocol_ = protocol;
    duration_->setPlaceholderText(protocol ? "protocol" : "model's");
    duration_->setToolTip(protocol ? tr("The model runs its protocol's segments (the Protocol "
                                        "panel); a duration cannot replace them")
                                   : tr("Simulated time, e.g. 500*ms (empty: the model's "
                                        "duration)"));
    if (protocol)
        duration_->clear();
    updateButtons();
}

bool RunView::exportPlot(const QString& path) {
    return PlotStyle::save(*plot_->plot(), path).isEmpty();
}

bool RunView::isRunning() const {
    return controller_->isActive();
}

void RunView::applyEdit(const Model& model) {
    if (!controller_->isActive())
        return;
    std::string json = writeModelJson(model);
    if (json == lastEdit_) // only the layout or nothing the run uses changed
        return;
    const QString refusal = controller_->applyEdit(model);
    if (refusal.isEmpty())
        lastEdit_ = std::move(json);
    editNote_->setText(refusal.isEmpty()
                           ? QString("Edit applied at t = %1 s of the run, state kept.")
                                 .arg(controller_->progress().simulated, 0, 'f', 3)
                           : "Edit not applied to this run: " + refusal);
    editNote_->show();
}

void RunView::run() {
    if (controller_->isActive())
        return;
    std::optional<Model> model = model_();
    if (!model) {
        status_->setText("The model has errors; fix them to run it.");
        return;
    }
    if (model->groups.empty()) {
        status_->setText("Nothing to run: the model has no groups yet. Add one from the "
                         "toolbar, or open an example.");
        return;
    }
    CheckOptions options;
    if (!duration_->text().trimmed().isEmpty())
        options.duration = duration_->text().trimmed().toStdString();
    if (!seed_->text().trimmed().isEmpty()) {
        options.seed = Seed::parse(seed_->text().toStdString());
        if (!options.seed) {
            status_->setText(QString::fromStdString("Seed: " + Seed::problem() + "."));
            return;
        }
    }
    plot_->setSegmentStarts(ProtocolTimes::starts(*model));
    constants_->setModel(*model);
    constantsArea_->setVisible(constants_->constantCount() > 0);
    lastEdit_ = writeModelJson(*model);
    editNote_->hide();
    controller_->setThreads(threads());
    controller_->start(std::move(*model), options, projectPath_);
    plottedDuration_ = 0.0;
    plot_->reset(0.0);
    status_->setText("Building…");
    timer_->start();
    updateButtons();
}

void RunView::clear() {
    if (controller_->isActive())
        return;
    duration_->clear();
    seed_->clear();
    constants_->setModel(Model());
    constantsArea_->hide();
    editNote_->hide();
    plottedDuration_ = 0.0;
    plot_->setSegmentStarts({});
    plot_->reset(1.0); // empty axes over a typical second until a run says its duration
    progressBar_->setValue(0);
    status_->setText("Ready");
    status_->setToolTip({});
}

void RunView::togglePause() {
    if (controller_->state() == RunController::State::Paused)
        controller_->resume();
    else
        controller_->pause();
}

void RunView::stop() {
    controller_->stop();
}

void RunView::refresh() {
    const RunProgress progress = controller_->progress();
    if (progress.duration > 0 && plottedDuration_ != progress.duration) {
        plottedDuration_ = progress.duration; // known once the model is checked
        plot_->reset(progress.duration);
    }
    plot_->refresh(controller_->live(), progress.simulated);
    progressBar_->setValue(int(progress.fraction() * 1000));
    if (controller_->isActive() && progress.duration > 0) {
        QString text = seconds(progress.simulated) + " of " + seconds(progress.duration) +
                       " simulated · wall " + seconds(progress.wall) + " · " +
                       QString::number(progress.speed(), 'f', 2) + " s/s";
        if (progress.remaining() >= 0)
            text += " · " + seconds(progress.remaining()) + " left";
        text += QString(" · ") + progress.tierName();
        if (controller_->state() == RunController::State::Paused)
            text += " · paused";
        if (progress.lockWait > 0)
            text += " · waiting " + seconds(progress.lockWait) +
                    " for the project, locked by another program";
        status_->setText(text);
        status_->setToolTip(QString::fromStdString(progress.tier));
    }
}

void RunView::updateButtons() {
    const RunController::State state = controller_->state();
    const bool active = controller_->isActive();
    runButton_->setEnabled(!active);
    pauseButton_->setEnabled(state == RunController::State::Running ||
                             state == RunController::State::Paused);
    pauseButton_->setText(state == RunController::State::Paused ? "Resume" : "Pause");
    stopButton_->setEnabled(active);
    duration_->setEnabled(!active && !protocol_);
    threadsMenu_->setEnabled(!active);
    seed_->setEnabled(!active);
}

void RunView::showEnd(int state, const QString& message) {
    timer_->stop();
    refresh();
    const RunProgress progress = controller_->progress();
    switch (RunController::State(state)) {
    case RunController::State::Finished:
        status_->setText("Finished: " + seconds(progress.simulated) + " simulated in " +
                         seconds(progress.wall) + " (" + progress.tierName() + ").");
        status_->setToolTip(QString::fromStdString(progress.tier));
        break;
    case RunController::State::Stopped:
        status_->setText(progress.duration > 0
                             ? "Stopped at " + seconds(progress.simulated) + "; results kept."
                             : QString("Stopped before the run started."));
        break;
    default: // a run refused before its first step (bad model, too big) never started
        status_->setText((progress.duration > 0 ? "Failed: " : "Cannot start: ") + message);
    }
    updateButtons();
    emit runEnded(message);
}

} // namespace spikestudio
