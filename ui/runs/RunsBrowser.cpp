#include "runs/RunsBrowser.h"

#include "connectivity/ConnectivityWindow.h"
#include "csv/CsvWriter.h"
#include "diagnostics/FailureMessage.h"
#include "document/ProtocolTimes.h"
#include "model/ModelReader.h"
#include "plots/FigureWindow.h"
#include "plots/OverlayFigure.h"
#include "plots/ResultFigure.h"
#include "runs/ReadOnlyCell.h"
#include "runs/RunCaptions.h"
#include "runs/RunExport.h"
#include "runs/RunStatisticsPanel.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "storage/SweepStore.h"
#include "sweep/SweepSummaryPlot.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

/// Where the stored run's protocol segments start; none for a run whose
/// model does not read (the figure is drawn without the marks).
std::vector<double> segmentStarts(Project& project, std::int64_t id) {
    try {
        return ProtocolTimes::starts(readModel(project.runModel(id)));
    } catch (const std::exception&) {
        return {};
    }
}

const QStringList kColumns = {"Run",  "Started", "Status", "Simulated",
                              "Seed", "Spikes",  "Model",  "Sweep"};
constexpr int kModelColumn = 6;
constexpr int kSweepColumn = 7;

/// The run's spike count, or a dash when nothing recorded spikes: "0" would
/// say the neurons were silent.
QTableWidgetItem* spikeCountCell(const RunSummary& run) {
    if (run.spikeCount)
        return readOnlyCell(QString::number(*run.spikeCount));
    QTableWidgetItem* item = readOnlyCell(QStringLiteral("–"));
    item->setToolTip(QObject::tr("This run had no SpikeMonitor: its spikes were not recorded."));
    return item;
}

/// "2024-05-01 14:00", in the user's time zone, for the file's UTC time.
QString localTime(const std::string& utc) {
    const QDateTime time = QDateTime::fromString(QString::fromStdString(utc), Qt::ISODateWithMs);
    return time.isValid() ? time.toLocalTime().toString("yyyy-MM-dd HH:mm:ss")
                          : QString::fromStdString(utc);
}

/// The name of the model a run ran ("" when its text is not a model).
QString modelName(const std::string& modelJson) {
    const QJsonObject model =
        QJsonDocument::fromJson(QByteArray::fromStdString(modelJson)).object();
    return model.value("name").toString();
}

} // namespace

RunsBrowser::RunsBrowser(QWidget* parent)
    : QWidget(parent), note_(new QLabel(this)),
      table_(new QTableWidget(0, int(kColumns.size()), this)),
      plotButton_(new QPushButton(tr("Show plots"), this)),
      overlayButton_(new QPushButton(tr("Overlay"), this)),
      exportButton_(new QPushButton(tr("Export CSV…"), this)),
      deleteButton_(new QPushButton(tr("Delete"), this)),
      connectivityButton_(new QPushButton(tr("Connectivity…"), this)),
      sweepButton_(new QPushButton(tr("Sweep summary…"), this)),
      statistics_(new RunStatisticsPanel(this)) {
    sweepButton_->setObjectName("sweepSummaryButton");
    sweepButton_->setToolTip(tr("Plot a statistic of the selected run's sweep against the "
                                "constants it varied"));
    connectivityButton_->setToolTip(tr("Show how the selected run's synapses connect its groups"));
    exportNote_ = new QLabel(this);
    exportNote_->setObjectName("exportNote");
    exportNote_->setWordWrap(true);
    exportNote_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    exportNote_->hide();
    plotButton_->setToolTip(tr("Draw the selected run's plots again from its stored results"));
    exportButton_->setToolTip(
        tr("Write the selected run's monitors as CSV files into a folder named after the run"));
    deleteButton_->setToolTip(tr("Delete the selected run and its results"));
    note_->setObjectName("runsNote");
    note_->setWordWrap(true);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note_->hide();
    table_->setObjectName("runsTable");
    table_->setHorizontalHeaderLabels(kColumns);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    overlayButton_->setObjectName("overlayButton");
    overlayButton_->setToolTip(tr("Select two runs (Ctrl+click) to draw their plots together"));
    connectivityButton_->setObjectName("connectivityButton");
    connectivityButton_->setToolTip(tr("The run's synapses: connection matrix, degrees, weights "
                                       "and delays"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(plotButton_);
    buttons->addWidget(overlayButton_);
    buttons->addWidget(exportButton_);
    buttons->addWidget(connectivityButton_);
    buttons->addStretch(1);
    buttons->addWidget(deleteButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* list = new QWidget(this);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(table_, 1);
    listLayout->addLayout(buttons);
    auto* sweepRow = new QHBoxLayout; // a row of its own: the dock stays as narrow as before
    sweepRow->addWidget(sweepButton_);
    sweepRow->addStretch(1);
    listLayout->addLayout(sweepRow);
    listLayout->addWidget(exportNote_);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(list);
    splitter->addWidget(statistics_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(note_);
    layout->addWidget(splitter, 1);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &RunsBrowser::updateButtons);
    connect(plotButton_, &QPushButton::clicked, this, [this] { showSelected(); });
    connect(overlayButton_, &QPushButton::clicked, this, [this] { overlaySelected(); });
    connect(connectivityButton_, &QPushButton::clicked, this, [this] { connectivitySelected(); });
    connect(sweepButton_, &QPushButton::clicked, this, [this] { sweepSummarySelected(); });
    connect(exportButton_, &QPushButton::clicked, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(
            this, tr("Export run %1 into (its files go in a folder run-%1)").arg(selectedRun()),
            lastExportDirectory_);
        if (directory.isEmpty())
            return;
        lastExportDirectory_ = directory;
        const QString problem = exportSelected(directory);
        if (!problem.isEmpty())
            QMessageBox::warning(this, tr("Export failed"), problem);
    });
    connect(deleteButton_, &QPushButton::clicked, this, [this] {
        if (QMessageBox::question(this, tr("Delete run"),
                                  tr("Delete run %1 and its results?").arg(selectedRun())) !=
            QMessageBox::Yes)
            return;
        const QString problem = deleteSelected();
        if (!problem.isEmpty())
            QMessageBox::warning(this, tr("Delete failed"), problem);
    });
    updateButtons();
}

void RunsBrowser::setProjectPath(const std::string& path, bool scratch) {
    projectPath_ = path;
    scratch_ = scratch;
    note_->setText(tr("No project is open: runs are kept in the scratch project, %1. Save the "
                      "model as a project (File > Save As, .spikestudio) to keep its runs with "
                      "it.")
                       .arg(QString::fromStdString(path)));
    note_->setVisible(scratch && !path.empty());
    table_->setColumnHidden(kModelColumn, !scratch);
    exportNote_->hide();
    refresh();
}

void RunsBrowser::refresh() {
    const std::vector<std::int64_t> selected = selectedRuns();
    table_->setRowCount(0);
    sweeps_.clear();
    if (!projectPath_.empty()) {
        try {
            Project project(projectPath_, ProjectAccess::ReadOnly);
            readSweeps();
            for (const RunSummary& run : project.runs()) {
                const int row = table_->rowCount();
                table_->insertRow(row);
                table_->setItem(row, 0, readOnlyCell(QString::number(run.id)));
                table_->setItem(row, 1, readOnlyCell(localTime(run.startedAt)));
                table_->setItem(row, 2,
                                readOnlyCell(QString::fromUtf8(runStatusName(run.status).data())));
                table_->setItem(row, 3,
                                readOnlyCell(QString("%1 of %2 s")
                                                 .arg(run.simulatedTime, 0, 'g', 4)
                                                 .arg(run.duration, 0, 'g', 4)));
                table_->setItem(row, 4, readOnlyCell(QString::number(run.seed)));
                table_->setItem(row, 5, spikeCountCell(run));
                if (const auto sweep = sweeps_.find(run.id); sweep != sweeps_.end())
                    table_->setItem(row, kSweepColumn,
                                    readOnlyCell(tr("%1, variant %2")
                                                     .arg(sweep->second.first)
                                                     .arg(sweep->second.second + 1)));
                if (scratch_) // runs of many models: say which each ran
                    table_->setItem(row, kModelColumn,
                                    readOnlyCell(modelName(project.runModel(run.id))));
            }
        } catch (const std::exception&) {
            // A project that cannot be read (or not yet written) lists nothing;
            // opening it said why.
        }
    }
    table_->setColumnHidden(kSweepColumn, sweeps_.empty());
    table_->resizeColumnsToContents();
    shownStatistics_ = -1; // a run may have ended meanwhile: read its statistics again
    selectRuns(selected);
    updateButtons();
}

std::int64_t RunsBrowser::selectedRun() const {
    const std::vector<std::int64_t> runs = selectedRuns();
    return runs.size() == 1 ? runs.front() : 0;
}

std::vector<std::int64_t> RunsBrowser::selectedRuns() const {
    std::vector<std::int64_t> runs;
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->selectionModel()->isRowSelected(row, {}))
            runs.push_back(table_->item(row, 0)->text().toLongLong());
    return runs;
}

void RunsBrowser::selectRun(std::int64_t id) {
    selectRuns({id});
}

void RunsBrowser::selectRuns(const std::vector<std::int64_t>& ids) {
    table_->clearSelection();
    for (int row = 0; row < table_->rowCount(); ++row)
        if (std::find(ids.begin(), ids.end(), table_->item(row, 0)->text().toLongLong()) !=
            ids.end())
            table_->selectionModel()->select(table_->model()->index(row, 0),
                                             QItemSelectionModel::Select |
                                                 QItemSelectionModel::Rows);
}

int RunsBrowser::runCount() const {
    return table_->rowCount();
}

QString RunsBrowser::exportSelected(const QString& directory) {
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        const RunSummary run = project.run(selectedRun());
        const RunResults results = RunReader(project).read(run.id);
        const QString folder = RunExport::folderFor(directory, run.id);
        const QStringList files = RunExport::fileNames(results);
        if (files.isEmpty()) {
            showExportNote(
                tr("Run %1 recorded nothing (it had no monitors): no files written.").arg(run.id));
            return {};
        }
        if (!mayReplace(folder, RunExport::existing(folder, files))) {
            showExportNote(tr("Export cancelled: nothing written."));
            return {};
        }
        writeAllCsv(results, folder.toStdString());
        showExportNote(tr("Exported run %1 to %2: %3")
                           .arg(run.id)
                           .arg(QDir::toNativeSeparators(folder), files.join(", ")));
        emit exported(exportNote_->text());
        return {};
    } catch (const std::exception& error) {
        return QString::fromStdString(failureMessage(error, "exporting the run"));
    }
}

QString RunsBrowser::lastExport() const {
    return exportNote_->text();
}

void RunsBrowser::showExportNote(const QString& text) {
    exportNote_->setText(text);
    exportNote_->show();
}

/// True when nothing would be replaced, or the user agrees to replace it.
bool RunsBrowser::mayReplace(const QString& folder, const QStringList& files) {
    if (files.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Replace exported files?"),
                    tr("%1 already holds %2 from an earlier export. Replace %3?")
                        .arg(QDir::toNativeSeparators(folder), files.join(", "),
                             files.size() == 1 ? tr("it") : tr("them")),
                    QMessageBox::NoButton, this);
    box.setObjectName("replaceExportBox");
    QPushButton* replace = box.addButton(tr("Replace"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel));
    box.exec();
    return box.clickedButton() == replace;
}

QString RunsBrowser::deleteSelected() {
    try {
        Project(projectPath_).deleteRun(selectedRun());
        refresh();
        return {};
    } catch (const std::exception& error) {
        return QString::fromStdString(failureMessage(error, "deleting the run"));
    }
}

QWidget* RunsBrowser::showSelected() {
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        const RunSummary run = project.run(selectedRun());
        const RunResults results = RunReader(project).read(run.id);
        const QString title = tr("Run %1").arg(run.id);
        auto* window = new FigureWindow(title, this);
        FigureContent content = FigureContent::of(results, run.duration, title);
        content.segmentStarts = segmentStarts(project, run.id);
        ResultFigure::build(*window->plot(), content);
        window->show();
        return window;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot show the run"),
                             QString::fromStdString(failureMessage(error, "reading the run")));
        return nullptr;
    }
}

QWidget* RunsBrowser::overlaySelected() {
    const std::vector<std::int64_t> ids = selectedRuns();
    if (ids.size() != 2)
        return nullptr;
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        const RunSummary first = project.run(ids[0]);
        const RunSummary second = project.run(ids[1]);
        const auto [firstCaption, secondCaption] =
            RunCaptions::of(first, project.runModel(first.id), second, project.runModel(second.id));
        const RunResults firstResults = RunReader(project).read(first.id);
        const RunResults secondResults = RunReader(project).read(second.id);
        const QString title = tr("Run %1 and run %2").arg(first.id).arg(second.id);
        auto* window = new FigureWindow(title, this);
        OverlayFigure::build(
            *window->plot(),
            {&firstResults, first.duration, tr("run %1").arg(first.id), firstCaption},
            {&secondResults, second.duration, tr("run %1").arg(second.id), secondCaption}, title);
        window->show();
        return window;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot overlay the runs"),
                             QString::fromStdString(failureMessage(error, "reading the runs")));
        return nullptr;
    }
}

QWidget* RunsBrowser::connectivitySelected() {
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        const RunSummary run = project.run(selectedRun());
        // The run's model and seed: the synapses the run had.
        Model model = readModel(project.runModel(run.id));
        auto* window = new ConnectivityWindow(std::move(model), QString(), run.seed,
                                              tr("run %1").arg(run.id), this);
        window->show();
        return window;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot show the connectivity"),
                             QString::fromUtf8(error.what()));
        return nullptr;
    }
}

void RunsBrowser::readSweeps() {
    sweeps_.clear();
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        SweepStore store(project);
        for (const SweepSummary& sweep : store.sweeps())
            for (const SweepRunEntry& entry : store.runsOf(sweep.id))
                sweeps_[entry.runId] = {sweep.id, entry.variant};
    } catch (const std::exception&) {
        // A project whose sweeps cannot be read lists its runs without them.
    }
}

std::int64_t RunsBrowser::sweepOf(std::int64_t runId) const {
    const auto found = sweeps_.find(runId);
    return found == sweeps_.end() ? 0 : found->second.first;
}

QWidget* RunsBrowser::sweepSummarySelected() {
    const std::vector<std::int64_t> runs = selectedRuns();
    const std::int64_t sweep = runs.empty() ? 0 : sweepOf(runs.front());
    if (sweep == 0)
        return nullptr;
    try {
        SweepSummaryPlot* window = SweepSummaryPlot::open(projectPath_, sweep, this);
        connect(window, &SweepSummaryPlot::runsChosen, this, [this](const QList<qint64>& ids) {
            selectRuns(std::vector<std::int64_t>(ids.begin(), ids.end()));
        });
        window->show();
        return window;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot show the sweep"),
                             QString::fromStdString(failureMessage(error, "reading the sweep")));
        return nullptr;
    }
}

void RunsBrowser::updateButtons() {
    const size_t selected = selectedRuns().size();
    const std::vector<std::int64_t> runs = selectedRuns();
    sweepButton_->setEnabled(!runs.empty() && sweepOf(runs.front()) != 0 &&
                             std::all_of(runs.begin(), runs.end(), [&](std::int64_t id) {
                                 return sweepOf(id) == sweepOf(runs.front());
                             }));
    const std::int64_t shown = selected == 1 ? runs.front() : 0;
    if (shown != shownStatistics_) {
        shownStatistics_ = shown;
        statistics_->setRun(projectPath_, shown);
    }
    plotButton_->setEnabled(selected == 1);
    overlayButton_->setEnabled(selected == 2);
    exportButton_->setEnabled(selected == 1);
    deleteButton_->setEnabled(selected == 1);
    connectivityButton_->setEnabled(selected == 1);
}

} // namespace spikestudio
