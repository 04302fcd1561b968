#pragma once

#include "codegen/KernelSource.h"
#include "engine/CompiledKernel.h"
#include "engine/PartSynapses.h"
#include "engine/SplitDecision.h"
#include "runtime/Clock.h"
#include "runtime/WorkerPool.h"

#include <memory>
#include <vector>

namespace spikestudio {

/// Everything one kernel call needs, bound once at build time: the compiled
/// code, the runtime arrays it reads and writes, and its context.
///
/// A kernel whose elements are independent is shared out between the
/// network's threads in contiguous parts; the parts write disjoint entries
/// and a threshold's crossings are joined in element order, so the result
/// is the same bits for any number of threads. Whether a call is worth
/// sharing out is measured (SplitDecision).
struct BoundKernel {
    std::shared_ptr<CompiledKernel> kernel;
    std::vector<void*> arrays;
    SpikeStudioKernelContext context{};
    const std::vector<double>* constants = nullptr;
    KernelLoop loop = KernelLoop::Elements;
    WorkerPool* workers = nullptr; // set when the elements may be shared out
    std::int64_t ownerLimit = 0;   // Due and Written loops: the owners lie in [0, ownerLimit)
    RandomDraws draws;             // drawn ahead of each call, from context.rng
    PartSynapses partSynapses;     // Written loops: the synapses each part adds up

    void call(const Clock& clock);

private:
    /// Runs `count` elements (or due synapses) in as many parts as the
    /// workers take, each part a share of [0, range) (range < 0: count).
    /// Returns the number of parts.
    int runParts(std::int64_t count, std::int64_t range = -1);
    int partsFor(std::int64_t count, SplitDecision::Trial& trial);
    void invoke(SpikeStudioKernelContext& part) {
        kernel->function()(arrays.data(), constants->data(), &part);
    }
    static void runPart(void* self, int part);
    /// Draws the numbers `elements` elements take this call, in the stream's
    /// order (each draw site for all elements, then the next), into context.draws.
    void drawAhead(std::int64_t elements);

    std::vector<SpikeStudioKernelContext> parts_; // one per part of the call under way
    SplitDecision split_;                         // decides whether a call is worth sharing out
    std::vector<double> drawn_;                   // the numbers of the call under way
};

} // namespace spikestudio
