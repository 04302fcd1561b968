#pragma once

#include "engine/CancelFlag.h"
#include "engine/KernelTier.h"
#include "engine/LiveKernels.h"
#include "runtime/Network.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace spikestudio {

/// Where a run's kernels stand, for the run summary and the GUI.
struct TierStatus {
    KernelTier tier = KernelTier::Tcc;
    bool compiling = false;               // native compilation under way
    std::optional<double> nativeFromTime; // simulated time native code took over
    std::string compiler;                 // "cc 12.2.0 -O3 -march=znver3"
    int kernels = 0;                      // distinct kernel sources
    int compiled = 0;                     // of them compiled now (the rest came from the cache)
    double compileMilliseconds = 0.0;
    std::string problem; // why the run stays on libtcc

    /// One line: "libtcc", "native (cc 12.2.0 -O3) from t = 0 s; ...".
    std::string describe() const;
};

/// Moves a built network's kernels from libtcc to native code (NativeCompiler),
/// either before the run or from a background thread, the swap then happening
/// at a step boundary on the simulation thread. State stays where it is: only
/// the code pointer of each scheduled kernel changes. Destroy it before the
/// network: it cancels a compilation under way and joins its thread (within
/// milliseconds: the compiler's whole process group is killed at once).
class NativeTier {
public:
    NativeTier(Network& network, const LiveKernels& kernels);
    ~NativeTier();
    NativeTier(const NativeTier&) = delete;
    NativeTier& operator=(const NativeTier&) = delete;

    /// Compiles every kernel now and swaps them in at once. Call while the
    /// network is not running. Leaves libtcc in place (and says why) on failure.
    void compileAndSwapNow();
    /// Swaps in native code now when this process has loaded every kernel's
    /// already (a sweep's later runs, a model run again); returns whether it
    /// did. Never runs the compiler or reads the disk cache.
    bool swapInLoadedNow();
    /// Compiles on a background thread; the kernels swap in at the first step
    /// boundary after all are ready.
    void startInBackground();

    /// Stops a compilation under way and makes sure its code is never swapped
    /// in, even if the swap is already posted. Returns at once, holding no
    /// lock but the status's own; call it under a caller's lock and destroy
    /// the object (which joins the thread) outside.
    void cancel();

    TierStatus status() const;

private:
    struct Shared; // status and lock, shared with the swap posted to the network
    struct Compiled;
    using Kernels = std::vector<std::pair<std::shared_ptr<BoundKernel>, std::string>>;

    using CodeOf = std::function<std::shared_ptr<CompiledKernel>(const std::string& source)>;
    /// Native code for every scheduled kernel, in the order of `kernels_`,
    /// asking `codeOf` once per distinct source (their number goes to
    /// `distinct`); nothing when it gives none for one.
    std::optional<Compiled> codeFor(const CodeOf& codeOf, int& distinct) const;
    std::optional<Compiled> compileAll();
    void markCompiling();
    static void swapIn(const Kernels& kernels,
                       const std::vector<std::shared_ptr<CompiledKernel>>& code, Shared& shared,
                       const Network& network);

    Network& network_;
    Kernels kernels_;
    std::shared_ptr<Shared> shared_;
    CancelFlag cancel_;
    std::thread worker_;
};

/// The tier `mode` asks for, started on a freshly built network (not yet running).
std::unique_ptr<NativeTier> startTier(TierMode mode, Network& network, const LiveKernels& kernels);

} // namespace spikestudio
