#include "engine/SweepRunner.h"

#include "diagnostics/FailureMessage.h"
#include "diagnostics/UserError.h"
#include "model/ModelWriter.h"
#include "runtime/Network.h"

#include <algorithm>
#include <optional>
#include <thread>

namespace spikestudio {

SweepRunner::SweepRunner(Model base, SweepPlan plan, CheckOptions options, TierMode tier)
    : base_(std::move(base)), plan_(std::move(plan)), options_(std::move(options)), tier_(tier) {}

std::vector<SweepVariantOutcome> SweepRunner::run(std::size_t jobs, const Finished& finished,
                                                  const std::atomic<bool>* cancel) {
    const std::size_t count = std::min(plan_.variantCount(), end_);
    std::vector<std::optional<SweepVariantOutcome>> outcomes(count);
    std::atomic<std::size_t> next{std::min(first_, count)};
    auto work = [&] {
        for (std::size_t k = next++; k < count; k = next++) {
            if (cancel && cancel->load())
                return;
            outcomes[k] = runVariant(plan_.variant(k), finished, cancel);
        }
    };
    std::vector<std::thread> workers;
    const std::size_t threads = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(1, count - next));
    for (std::size_t k = 1; k < threads; ++k)
        workers.emplace_back(work);
    work();
    for (std::thread& worker : workers)
        worker.join();
    std::vector<SweepVariantOutcome> ended;
    for (std::optional<SweepVariantOutcome>& outcome : outcomes)
        if (outcome)
            ended.push_back(std::move(*outcome));
    return ended;
}

SweepVariantOutcome SweepRunner::runVariant(const SweepVariant& variant, const Finished& finished,
                                            const std::atomic<bool>* cancel) {
    SweepVariantOutcome outcome{variant, {}, 0.0, 0, 0};
    CheckOptions options = options_;
    if (variant.seed)
        options.seed = variant.seed;
    RunSession session(
        [&] {
            Model model = variant.applyTo(base_);
            std::string text = writeModelJson(model);
            return ModelSource{std::move(model), std::move(text)};
        },
        options, tier_);
    if (openSink_)
        session.setSinkOpener([&](const std::string& text) { return openSink_(variant, text); });
    RunSession::Hooks hooks;
    hooks.cancel = cancel;
    hooks.betweenSteps = [cancel](Network&) { return !(cancel && cancel->load()); };
    try {
        outcome.report = session.run(hooks);
    } catch (const std::exception& error) {
        outcome.report.status = RunStatus::Failed;
        outcome.report.message = failureMessage(error, "running the variant");
    }
    if (session.hasNetwork())
        for (const auto& kernel : session.buildReport().kernels) {
            ++outcome.kernels;
            outcome.kernelsCompiled += !kernel.cached;
        }
    if (const auto model = session.model())
        outcome.simulatedTime = double(outcome.report.timings.steps) * model->dt;
    std::lock_guard lock(finishedMutex_);
    if (finished)
        finished(outcome, session.hasNetwork() ? &session.network() : nullptr);
    return outcome;
}

} // namespace spikestudio
