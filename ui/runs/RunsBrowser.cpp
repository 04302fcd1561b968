#include "runs/RunsBrowser.h"

#include "connectivity/ConnectivityWindow.h"
#include "csv/CsvWriter.h"
#include "model/ModelReader.h"
#include "plots/FigureWindow.h"
#include "plots/OverlayFigure.h"
#include "plots/ResultFigure.h"
#include "runs/RunCaptions.h"
#include "runtime/Network.h"
#include "storage/Project.h"
#include "storage/RunReader.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <memory>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

const QStringList kColumns = {"Run", "Started", "Status", "Simulated", "Seed", "Spikes"};

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

/// A stored run's results, read back into the records a live run has.
std::unique_ptr<Network> readResults(Project& project, const RunSummary& run) {
    auto network = std::make_unique<Network>(run.seed);
    RunReader(project).readInto(run.id, *network);
    return network;
}

} // namespace

RunsBrowser::RunsBrowser(QWidget* parent)
    : QWidget(parent), note_(new QLabel(this)),
      table_(new QTableWidget(0, int(kColumns.size()), this)),
      plotButton_(new QPushButton(tr("Show plots"), this)),
      overlayButton_(new QPushButton(tr("Overlay"), this)),
      exportButton_(new QPushButton(tr("Export CSV…"), this)),
      deleteButton_(new QPushButton(tr("Delete"), this)),
      connectivityButton_(new QPushButton(tr("Connectivity…"), this)) {
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
    layout->addWidget(note_);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &RunsBrowser::updateButtons);
    connect(plotButton_, &QPushButton::clicked, this, [this] { showSelected(); });
    connect(overlayButton_, &QPushButton::clicked, this, [this] { overlaySelected(); });
    connect(connectivityButton_, &QPushButton::clicked, this, [this] { connectivitySelected(); });
    connect(exportButton_, &QPushButton::clicked, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(this, tr("Export run to"));
        if (directory.isEmpty())
            return;
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
    note_->setText(
        tr("No project is open: runs are kept in %1.").arg(QString::fromStdString(path)));
    note_->setVisible(scratch && !path.empty());
    refresh();
}

void RunsBrowser::refresh() {
    const std::vector<std::int64_t> selected = selectedRuns();
    table_->setRowCount(0);
    if (!projectPath_.empty()) {
        try {
            Project project(projectPath_, ProjectAccess::ReadOnly);
            for (const RunSummary& run : project.runs()) {
                const int row = table_->rowCount();
                table_->insertRow(row);
                table_->setItem(row, 0, cell(QString::number(run.id)));
                table_->setItem(row, 1, cell(QString::fromStdString(run.startedAt).left(19)));
                table_->setItem(row, 2, cell(QString::fromUtf8(runStatusName(run.status).data())));
                table_->setItem(row, 3,
                                cell(QString("%1 of %2 s")
                                         .arg(run.simulatedTime, 0, 'g', 4)
                                         .arg(run.duration, 0, 'g', 4)));
                table_->setItem(row, 4, cell(QString::number(run.seed)));
                table_->setItem(row, 5, cell(QString::number(run.spikeCount)));
            }
        } catch (const std::exception&) {
            // A project that cannot be read (or not yet written) lists nothing;
            // opening it said why.
        }
    }
    table_->resizeColumnsToContents();
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
        writeAllCsv(*readResults(project, project.run(selectedRun())), directory.toStdString());
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

QString RunsBrowser::deleteSelected() {
    try {
        Project(projectPath_).deleteRun(selectedRun());
        refresh();
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

QWidget* RunsBrowser::showSelected() {
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        const RunSummary run = project.run(selectedRun());
        const std::unique_ptr<Network> network = readResults(project, run);
        const QString title = tr("Run %1").arg(run.id);
        auto* window = new FigureWindow(title, this);
        ResultFigure::build(*window->plot(), FigureContent::of(*network, run.duration, title));
        window->show();
        return window;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot show the run"), QString::fromUtf8(error.what()));
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
        const std::unique_ptr<Network> firstResults = readResults(project, first);
        const std::unique_ptr<Network> secondResults = readResults(project, second);
        const QString title = tr("Run %1 and run %2").arg(first.id).arg(second.id);
        auto* window = new FigureWindow(title, this);
        OverlayFigure::build(
            *window->plot(),
            {firstResults.get(), first.duration, tr("run %1").arg(first.id), firstCaption},
            {secondResults.get(), second.duration, tr("run %1").arg(second.id), secondCaption},
            title);
        window->show();
        return window;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot overlay the runs"), QString::fromUtf8(error.what()));
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

void RunsBrowser::updateButtons() {
    const size_t selected = selectedRuns().size();
    plotButton_->setEnabled(selected == 1);
    overlayButton_->setEnabled(selected == 2);
    exportButton_->setEnabled(selected == 1);
    deleteButton_->setEnabled(selected == 1);
    connectivityButton_->setEnabled(selected == 1);
}

} // namespace spikestudio
