#include "engine/NativeTier.h"

#include "engine/LoadedNativeKernels.h"
#include "engine/NativeCompiler.h"

#include <chrono>
#include <iomanip>
#include <map>
#include <sstream>

namespace spikestudio {

struct NativeTier::Shared {
    mutable std::mutex mutex;
    TierStatus status;
    bool abandoned = false; // cancelled: a posted swap must do nothing
};

/// Native code for every scheduled kernel, in the order of `kernels_`.
struct NativeTier::Compiled {
    std::vector<std::shared_ptr<CompiledKernel>> code;
};

namespace {

std::string formatted(double value, int digits) {
    std::ostringstream text;
    text << std::fixed << std::setprecision(digits) << value;
    return text.str();
}

} // namespace

std::string TierStatus::describe() const {
    const std::string costs = std::to_string(kernels) + " kernels, " + std::to_string(compiled) +
                              " compiled in " + formatted(compileMilliseconds, 0) + " ms, " +
                              std::to_string(kernels - compiled) + " from the cache";
    if (tier == KernelTier::Native && nativeFromTime && *nativeFromTime == 0.0)
        return "native (" + compiler + "); " + costs;
    if (tier == KernelTier::Native)
        return "libtcc, then native (" + compiler +
               ") from t = " + formatted(nativeFromTime.value_or(0.0), 4) + " s; " + costs;
    if (compiling)
        return "libtcc (native compilation still under way when the run ended)";
    if (!problem.empty())
        return "libtcc (native tier unavailable: " + problem + ")";
    return "libtcc";
}

NativeTier::NativeTier(Network& network, const LiveKernels& kernels)
    : network_(network), shared_(std::make_shared<Shared>()) {
    for (const LiveKernel& kernel : kernels)
        if (kernel.bound)
            kernels_.emplace_back(kernel.bound, kernel.source);
}

NativeTier::~NativeTier() {
    cancel();
    if (worker_.joinable())
        worker_.join();
}

void NativeTier::cancel() {
    {
        std::lock_guard lock(shared_->mutex);
        shared_->abandoned = true;
    }
    cancel_.request();
}

TierStatus NativeTier::status() const {
    std::lock_guard lock(shared_->mutex);
    return shared_->status;
}

std::optional<NativeTier::Compiled> NativeTier::codeFor(const CodeOf& codeOf, int& distinct) const {
    std::map<std::string, std::shared_ptr<CompiledKernel>> bySource;
    Compiled result;
    for (const auto& [bound, source] : kernels_) {
        auto& code = bySource[source];
        if (!code && !(code = codeOf(source)))
            return std::nullopt;
        result.code.push_back(code);
    }
    distinct = static_cast<int>(bySource.size());
    return result;
}

std::optional<NativeTier::Compiled> NativeTier::compileAll() {
    std::string whyNot;
    const std::optional<NativeCompiler> compiler = NativeCompiler::find(&whyNot, &cancel_);
    auto fail = [&](const std::string& problem) {
        std::lock_guard lock(shared_->mutex);
        shared_->status.compiling = false;
        shared_->status.problem = problem;
        return std::optional<Compiled>();
    };
    if (!compiler)
        return fail(whyNot);
    {
        std::lock_guard lock(shared_->mutex);
        shared_->status.compiler = compiler->description();
    }
    const auto start = std::chrono::steady_clock::now();
    int compiled = 0;
    int distinct = 0;
    std::optional<Compiled> result;
    try {
        result = codeFor(
            [&](const std::string& source) {
                bool fromCache = false;
                auto code = compiler->compile(source, &fromCache, &cancel_);
                compiled += !fromCache;
                return code;
            },
            distinct);
    } catch (const std::exception& error) {
        return fail(error.what());
    }
    std::lock_guard lock(shared_->mutex);
    shared_->status.kernels = distinct;
    shared_->status.compiled = compiled;
    shared_->status.compileMilliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

// On the simulation thread, between steps (or before the run): the native
// code replaces each scheduled call's code; arrays and state stay.
void NativeTier::swapIn(const Kernels& kernels,
                        const std::vector<std::shared_ptr<CompiledKernel>>& code, Shared& shared,
                        const Network& network) {
    std::lock_guard lock(shared.mutex);
    if (shared.abandoned) // an edit or a new run replaced what this code was for
        return;
    for (size_t k = 0; k < kernels.size(); ++k)
        kernels[k].first->kernel = code[k];
    shared.status.compiling = false;
    shared.status.tier = KernelTier::Native;
    shared.status.nativeFromTime = network.scheduler().time();
}

void NativeTier::markCompiling() {
    std::lock_guard lock(shared_->mutex);
    shared_->status.compiling = true;
}

void NativeTier::compileAndSwapNow() {
    markCompiling();
    if (std::optional<Compiled> compiled = compileAll())
        swapIn(kernels_, compiled->code, *shared_, network_);
}

bool NativeTier::swapInLoadedNow() {
    // Asking a compiler now would delay the first step by its start-up (or
    // its timeout): only one asked before will do.
    if (LoadedNativeKernels::instance().empty())
        return false;
    const std::optional<NativeCompiler> compiler =
        NativeCompiler::find(nullptr, nullptr, NativeCompiler::Asking::OnlyKnown);
    if (!compiler)
        return false;
    int distinct = 0;
    const std::optional<Compiled> loaded =
        codeFor([&](const std::string& source) { return compiler->loaded(source); }, distinct);
    if (!loaded)
        return false;
    {
        std::lock_guard lock(shared_->mutex);
        shared_->status.compiler = compiler->description();
        shared_->status.kernels = distinct;
    }
    swapIn(kernels_, loaded->code, *shared_, network_);
    return true;
}

void NativeTier::startInBackground() {
    markCompiling();
    worker_ = std::thread([this] {
        std::optional<Compiled> compiled = compileAll();
        if (!compiled)
            return;
        // The swap holds everything it touches, so it stays safe if this
        // object goes first; the network runs it only while it runs.
        const Network* network = &network_;
        network_.betweenSteps().post(
            [network, kernels = kernels_, code = std::move(compiled->code), shared = shared_] {
                swapIn(kernels, code, *shared, *network);
            });
    });
}

std::unique_ptr<NativeTier> startTier(TierMode mode, Network& network, const LiveKernels& kernels) {
    auto tier = std::make_unique<NativeTier>(network, kernels);
    if (mode == TierMode::Native)
        tier->compileAndSwapNow();
    else if (mode == TierMode::Auto && !tier->swapInLoadedNow())
        tier->startInBackground();
    return tier;
}

} // namespace spikestudio
