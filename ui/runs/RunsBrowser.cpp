#include "runs/RunsBrowser.h"

#include "csv/CsvWriter.h"
#include "plots/ResultFigure.h"
#include "runtime/Network.h"
#include "storage/Project.h"
#include "storage/RunReader.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

const QStringList kColumns = {"Run", "Started", "Status", "Simulated", "Seed", "Spikes"};

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

} // namespace

RunsBrowser::RunsBrowser(QWidget* parent)
    : QWidget(parent), table_(new QTableWidget(0, int(kColumns.size()), this)),
      plotButton_(new QPushButton(tr("Show plots"), this)),
      exportButton_(new QPushButton(tr("Export CSV…"), this)),
      deleteButton_(new QPushButton(tr("Delete"), this)) {
    table_->setObjectName("runsTable");
    table_->setHorizontalHeaderLabels(kColumns);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(plotButton_);
    buttons->addWidget(exportButton_);
    buttons->addStretch(1);
    buttons->addWidget(deleteButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(table_, 1);
    layout->addLayout(buttons);
    connect(table_, &QTableWidget::itemSelectionChanged, this, &RunsBrowser::updateButtons);
    connect(plotButton_, &QPushButton::clicked, this, [this] { showSelected(); });
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

void RunsBrowser::setProjectPath(const std::string& path) {
    projectPath_ = path;
    refresh();
}

void RunsBrowser::refresh() {
    const std::int64_t selected = selectedRun();
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
            // A project that cannot be read lists nothing; opening it said why.
        }
    }
    table_->resizeColumnsToContents();
    selectRun(selected);
    updateButtons();
}

std::int64_t RunsBrowser::selectedRun() const {
    const auto rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : table_->item(rows.first().row(), 0)->text().toLongLong();
}

void RunsBrowser::selectRun(std::int64_t id) {
    for (int row = 0; row < table_->rowCount(); ++row)
        if (table_->item(row, 0)->text().toLongLong() == id)
            table_->selectRow(row);
}

int RunsBrowser::runCount() const {
    return table_->rowCount();
}

QString RunsBrowser::exportSelected(const QString& directory) {
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        const RunSummary run = project.run(selectedRun());
        Network network(run.seed);
        RunReader(project).readInto(run.id, network);
        writeAllCsv(network, directory.toStdString());
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
        Network network(run.seed); // the figure copies what it draws
        RunReader(project).readInto(run.id, network);
        auto* window = new QWidget(this, Qt::Window);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->setWindowTitle(tr("Run %1").arg(run.id));
        auto* plot = new QCustomPlot(window);
        plot->setObjectName("runPlot");
        ResultFigure::build(*plot,
                            FigureContent::of(network, run.duration, tr("Run %1").arg(run.id)));
        auto* layout = new QVBoxLayout(window);
        layout->addWidget(plot);
        window->resize(900, 650);
        window->show();
        return window;
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot show the run"), QString::fromUtf8(error.what()));
        return nullptr;
    }
}

void RunsBrowser::updateButtons() {
    const bool selected = selectedRun() != 0;
    plotButton_->setEnabled(selected);
    exportButton_->setEnabled(selected);
    deleteButton_->setEnabled(selected);
}

} // namespace spikestudio
