#include "sweep/SweepDialog.h"

#include "diagnostics/FailureMessage.h"
#include "runtime/MachineCores.h"
#include "sweep/SeedList.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace spikestudio {

namespace {

QString messageOf(const std::exception& error, const std::string& activity) {
    return QString::fromStdString(failureMessage(error, activity));
}

} // namespace

SweepDialog::SweepDialog(Model model, QWidget* parent)
    : QDialog(parent), model_(std::move(model)), constants_(evaluableConstants(model_)),
      axesLayout_(new QVBoxLayout), grid_(new QRadioButton(tr("Grid: every combination"), this)),
      zip_(new QRadioButton(tr("Zipped: the k-th values together"), this)),
      seeds_(new QLineEdit(this)), duration_(new QLineEdit(this)), jobs_(new QSpinBox(this)),
      count_(new QLabel(this)), problem_(new QLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Sweep"));
    try {
        checked_ = checkModel(model_);
    } catch (const std::exception&) {
        // The model does not check: request() says why, with the options given.
    }
    auto* intro = new QLabel(tr("Each combination of values runs as its own run of the project, "
                                "several at once; all of them are kept with the sweep."),
                             this);
    intro->setWordWrap(true);
    auto* add = new QPushButton(tr("Vary another constant"), this);
    add->setObjectName("sweepAddAxis");
    grid_->setChecked(true);
    grid_->setObjectName("sweepGrid");
    zip_->setObjectName("sweepZip");
    seeds_->setObjectName("sweepSeeds");
    seeds_->setPlaceholderText(tr("the model's seed; or 1:5, or 1,2,7"));
    duration_->setObjectName("sweepDuration");
    duration_->setPlaceholderText(QString::fromStdString(model_.duration));
    jobs_->setObjectName("sweepJobs");
    jobs_->setRange(1, kMostRunsAtOnce);
    jobs_->setValue(machineCores(kMostRunsAtOnce));
    jobs_->setToolTip(tr("How many runs go on at once (default: the number of cores)"));
    count_->setObjectName("sweepCount");
    problem_->setObjectName("sweepProblem");
    problem_->setStyleSheet("color: #b00020");
    problem_->setWordWrap(true);
    problem_->hide();
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Start sweep"));

    auto* combination = new QHBoxLayout;
    combination->addWidget(grid_);
    combination->addWidget(zip_);
    combination->addStretch(1);
    auto* form = new QFormLayout;
    form->addRow(tr("Values"), combination);
    form->addRow(tr("Seeds"), seeds_);
    form->addRow(tr("Duration"), duration_);
    form->addRow(tr("Runs at once"), jobs_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(axesLayout_);
    layout->addWidget(add, 0, Qt::AlignLeft);
    layout->addLayout(form);
    layout->addWidget(count_);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);

    connect(add, &QPushButton::clicked, this, [this] { addAxis(); });
    connect(grid_, &QRadioButton::toggled, this, &SweepDialog::updateCount);
    connect(seeds_, &QLineEdit::textChanged, this, &SweepDialog::updateCount);
    connect(buttons_, &QDialogButtonBox::accepted, this, &SweepDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &SweepDialog::reject);
    addAxis();
    resize(760, sizeHint().height());
}

SweepAxisEditor* SweepDialog::addAxis() {
    auto* axis = new SweepAxisEditor(constants_, this);
    axes_.push_back(axis);
    axesLayout_->addWidget(axis);
    connect(axis, &SweepAxisEditor::changed, this, &SweepDialog::updateCount);
    connect(axis, &SweepAxisEditor::removeRequested, this, [this, axis] { removeAxis(axis); });
    updateCount();
    return axis;
}

void SweepDialog::removeAxis(SweepAxisEditor* axis) {
    axes_.erase(std::remove(axes_.begin(), axes_.end(), axis), axes_.end());
    axis->deleteLater();
    updateCount();
}

void SweepDialog::setZipped(bool zipped) {
    (zipped ? zip_ : grid_)->setChecked(true);
}

void SweepDialog::setSeeds(const QString& seeds) {
    seeds_->setText(seeds);
}

void SweepDialog::setDuration(const QString& duration) {
    duration_->setText(duration);
}

void SweepDialog::setJobs(int jobs) {
    jobs_->setValue(jobs);
}

/// The plan the rows, the combination and the seeds make; with `showProblems`
/// every refusal is shown where it arises (a row's under the row).
std::optional<SweepPlan> SweepDialog::plan(bool showProblems) {
    std::vector<SweepAxis> axes;
    bool rowsFine = true;
    for (SweepAxisEditor* editor : axes_) {
        try {
            axes.push_back(editor->axis());
            editor->showProblem({});
        } catch (const std::exception& error) {
            rowsFine = false;
            editor->showProblem(showProblems ? messageOf(error, "reading the values") : QString());
        }
    }
    if (!rowsFine) {
        problem_->setText(tr("Some values are refused (see above)."));
        return std::nullopt;
    }
    try {
        const QString seeds = seeds_->text().trimmed();
        SweepPlan plan(std::move(axes),
                       seeds.isEmpty() ? std::vector<std::uint32_t>{}
                                       : parseSeedList(seeds.toStdString()),
                       zip_->isChecked() ? SweepCombination::Zip : SweepCombination::Grid);
        if (checked_)
            plan.checkAgainst(*checked_);
        problem_->clear();
        return plan;
    } catch (const std::exception& error) {
        problem_->setText(messageOf(error, "planning the sweep"));
        return std::nullopt;
    }
}

void SweepDialog::updateCount() {
    const std::optional<SweepPlan> planned = plan(true);
    count_->setText(countText());
    problem_->setVisible(!planned && !problem_->text().isEmpty());
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(planned.has_value());
}

QString SweepDialog::countText() const {
    if (!problem_->text().isEmpty())
        return tr("The sweep cannot start.");
    std::vector<SweepAxis> axes;
    QStringList sizes;
    std::size_t runs = 1;
    for (SweepAxisEditor* editor : axes_) {
        const SweepAxis axis = editor->axis(); // the rows read: problem_ is empty
        sizes << QString::number(axis.values.size());
        runs = zip_->isChecked() ? axis.values.size() : runs * axis.values.size();
    }
    const QString seeds = seeds_->text().trimmed();
    const std::size_t seedCount = seeds.isEmpty() ? 1 : parseSeedList(seeds.toStdString()).size();
    QString shape = zip_->isChecked() ? tr("%n values zipped", nullptr, sizes.value(0).toInt())
                                      : sizes.join(QStringLiteral(" × "));
    if (seedCount > 1)
        shape += tr(", %n seeds each", nullptr, int(seedCount));
    return tr("%n runs (%1)", nullptr, int(runs * seedCount)).arg(shape);
}

QString SweepDialog::problem() const {
    return problem_->text();
}

std::optional<SweepRequest> SweepDialog::request() {
    std::optional<SweepPlan> planned = plan(true);
    updateCount();
    if (!planned)
        return std::nullopt;
    CheckOptions options;
    const QString duration = duration_->text().trimmed();
    if (!duration.isEmpty())
        options.duration = duration.toStdString();
    try {
        // What `spikestudio sweep` checks before it starts: the model as it
        // stands with these options, and every swept name one of its constants.
        planned->checkAgainst(checkModel(model_, options));
    } catch (const std::exception& error) {
        problem_->setText(messageOf(error, "checking the model"));
        problem_->show();
        count_->setText(tr("The sweep cannot start."));
        return std::nullopt;
    }
    return SweepRequest{model_, std::move(*planned), std::move(options),
                        std::size_t(jobs_->value())};
}

void SweepDialog::accept() {
    if (request())
        QDialog::accept();
}

} // namespace spikestudio
