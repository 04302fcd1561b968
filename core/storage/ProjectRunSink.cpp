#include "storage/ProjectRunSink.h"

#include "diagnostics/PrintableText.h"
#include "storage/Database.h"

#include <stdexcept>

namespace spikestudio {

ProjectRunSink::ProjectRunSink(const std::string& path, const std::string& modelJson)
    : project_(Project::openOrCreate(path, modelJson)) {}

void ProjectRunSink::setLockWaitObserver(std::function<void(std::chrono::milliseconds)> observer) {
    project_.database().setLockWaitObserver(std::move(observer));
}

void ProjectRunSink::begin(const RunSettings& settings, const Network& network) {
    if (writer_)
        throw std::logic_error("a project sink stores one run");
    RunSettings stored = settings;
    stored.sweep = sweep_;
    writer_.emplace(project_, network, stored);
    writer_->setFlushInterval(interval_);
}

void ProjectRunSink::flushIfDue() {
    if (writer_)
        writer_->flushIfDue();
}

void ProjectRunSink::flush() {
    if (writer_)
        writer_->flush();
}

void ProjectRunSink::finish(const RunOutcome& outcome) {
    if (!writer_)
        return;
    writer_->setTimings(outcome.buildMilliseconds, outcome.simulateMilliseconds);
    writer_->setStatistics(outcome.statisticsJson);
    writer_->finish(outcome.status, outcome.message);
}

std::string ProjectRunSink::describe() const {
    if (!writer_)
        return {};
    return "stored as run " + std::to_string(writer_->runId()) + " in " +
           printable(project_.path());
}

} // namespace spikestudio
