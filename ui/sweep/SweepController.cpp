#include "sweep/SweepController.h"

#include "diagnostics/FailureMessage.h"
#include "engine/SweepRunner.h"
#include "model/ModelWriter.h"
#include "runtime/Network.h"
#include "storage/RunSinks.h"
#include "storage/SweepStore.h"

namespace spikestudio {

namespace {

SweepVariantResult resultOf(const SweepVariantOutcome& outcome, const Network* network) {
    SweepVariantResult result;
    result.variant = outcome.variant.index;
    result.built = outcome.report.built;
    switch (outcome.report.status) {
    case RunStatus::Finished:
        result.status = SweepVariantResult::Status::Finished;
        break;
    case RunStatus::Stopped:
        result.status = SweepVariantResult::Status::Stopped;
        break;
    default:
        result.status = SweepVariantResult::Status::Failed;
        break;
    }
    if (result.status != SweepVariantResult::Status::Finished)
        result.message = QString::fromStdString(outcome.report.message);
    // The network lives only during the call: the thumbnail copies what it draws.
    if (network && !network->spikeRecords().empty())
        result.thumbnail =
            SweepThumbnail::of(network->spikeRecords().front(), outcome.simulatedTime);
    return result;
}

} // namespace

SweepController::SweepController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<SweepVariantResult>();
}

SweepController::~SweepController() {
    cancel();
    join();
}

QString SweepController::start(SweepRequest request, const std::string& projectPath) {
    if (running_)
        return tr("A sweep is still going on.");
    join();
    try {
        const std::string modelText = writeModelJson(request.model);
        Project project = Project::openOrCreate(projectPath, modelText);
        sweepId_ =
            SweepStore(project).create(request.plan.specificationJson(request.options.duration),
                                       std::int64_t(request.plan.variantCount()), modelText);
    } catch (const std::exception& error) {
        return QString::fromStdString(failureMessage(error, "recording the sweep"));
    }
    projectPath_ = projectPath;
    cancel_ = false;
    running_ = true;
    worker_ = std::thread([this, request = std::move(request)]() mutable {
        SweepRunner runner(std::move(request.model), std::move(request.plan),
                           std::move(request.options), TierMode::Auto);
        runner.setSinkOpener([path = projectPath_, sweep = sweepId_](const SweepVariant& variant,
                                                                     const std::string& text) {
            return openRunSink(path, text,
                               {SweepMembership{sweep, std::int64_t(variant.index)}, {}});
        });
        runner.run(
            request.jobs,
            [this](const SweepVariantOutcome& outcome, const Network* network) {
                QMetaObject::invokeMethod(
                    this,
                    [this, result = resultOf(outcome, network)] { emit variantEnded(result); },
                    Qt::QueuedConnection);
            },
            &cancel_);
        QMetaObject::invokeMethod(
            this,
            [this] {
                running_ = false;
                emit finished(cancel_.load());
            },
            Qt::QueuedConnection);
    });
    return {};
}

void SweepController::cancel() {
    cancel_ = true;
}

void SweepController::wait() {
    join();
}

void SweepController::join() {
    if (worker_.joinable())
        worker_.join();
}

std::int64_t SweepController::runOf(std::size_t variant) const {
    if (projectPath_.empty() || sweepId_ == 0)
        return 0;
    try {
        Project project(projectPath_, ProjectAccess::ReadOnly);
        for (const SweepRunEntry& run : SweepStore(project).runsOf(sweepId_))
            if (run.variant == std::int64_t(variant))
                return run.runId;
    } catch (const std::exception&) {
    }
    return 0;
}

} // namespace spikestudio
