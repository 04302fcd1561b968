#include "engine/BoundKernel.h"

#include "runtime/BinomialSampler.h"
#include "runtime/RandomGenerator.h"
#include "runtime/SpikeQueue.h"

#include <algorithm>
#include <chrono>
#include <cstring>

namespace spikestudio {

namespace {
/// Where part `k` of `parts` starts: on a multiple of 16 elements, so that
/// two threads rarely write the same cache line.
std::int64_t partStart(std::int64_t count, int k, int parts) {
    if (k == parts)
        return count;
    return (count * k / parts) & ~std::int64_t{15};
}
} // namespace

void BoundKernel::call(const Clock& clock) {
    context.t = clock.t();
    context.dt = clock.dt();
    context.timestep = clock.timestep();
    switch (loop) {
    case KernelLoop::Written:
        // A summed variable: each part sums its own synapses into its own elements.
        runParts(context.size, ownerLimit);
        return;
    case KernelLoop::Elements:
        drawAhead(context.size);
        runParts(context.size);
        return;
    case KernelLoop::Events:
        drawAhead(context.events[context.size]);
        runParts(context.events[context.size]);
        return;
    case KernelLoop::Due: {
        // The queue moves here, around the calls: they only read it.
        spikestudio_queue_push(context.queue, context.events, context.events[context.sourceSize]);
        const auto* queue = static_cast<const SpikeQueue*>(context.queue);
        if (const std::int64_t count = queue->dueCount(); count > 0) {
            drawAhead(count);
            runParts(count, ownerLimit);
        }
        spikestudio_queue_advance(context.queue);
        return;
    }
    case KernelLoop::Threshold: {
        // Each part wrote its crossings at the start of its own elements:
        // moved down one after another, they are in element order.
        drawAhead(context.size);
        const int parts = runParts(context.size);
        std::int64_t total = parts_[0].eventCount;
        for (int k = 1; k < parts; ++k) {
            const SpikeStudioKernelContext& part = parts_[static_cast<size_t>(k)];
            std::memmove(context.events + total, context.events + part.first,
                         static_cast<size_t>(part.eventCount) * sizeof(std::int32_t));
            total += part.eventCount;
        }
        context.events[context.size] = static_cast<std::int32_t>(total);
        return;
    }
    }
}

int BoundKernel::runParts(std::int64_t count, std::int64_t range) {
    if (range < 0)
        range = count;
    SplitDecision::Trial trial = SplitDecision::Trial::None;
    const int parts = partsFor(count, trial);
    parts_.resize(static_cast<size_t>(parts), context);
    for (int k = 0; k < parts; ++k) {
        SpikeStudioKernelContext& part = parts_[static_cast<size_t>(k)];
        part = context;
        part.first = partStart(range, k, parts);
        part.last = partStart(range, k + 1, parts);
    }
    // A whole pathway call owns every target: it says so by reaching past the
    // last one, and runs its scattered synapses without the owner test.
    if (parts == 1 && loop == KernelLoop::Due)
        parts_[0].last = std::max(range, context.targetSize);
    if (loop == KernelLoop::Written)
        partSynapses.assign(parts_);
    const auto start = trial == SplitDecision::Trial::None ? std::chrono::steady_clock::time_point{}
                                                           : std::chrono::steady_clock::now();
    int workersParts = 0;
    if (parts > 1)
        workersParts = workers->run(parts, &BoundKernel::runPart, this);
    else
        invoke(parts_[0]);
    if (trial != SplitDecision::Trial::None)
        split_.add(parts > 1 ? SplitDecision::Trial::Shared : SplitDecision::Trial::Whole, count,
                   std::chrono::steady_clock::now() - start, workersParts > 0);
    return parts;
}

// How many parts this call runs in; `trial` says when it is a trial of one way.
int BoundKernel::partsFor(std::int64_t count, SplitDecision::Trial& trial) {
    if (!workers || workers->threads() == 1)
        return 1;
    if (workers->partTime() <= 0.0) // split by the grain alone (tests)
        return workers->partsFor(count);
    trial = split_.nextTrial(kernel.get(), workers->partsFor(count) > 1);
    switch (trial) {
    case SplitDecision::Trial::Whole:
        return 1;
    case SplitDecision::Trial::Shared:
        return workers->partsFor(count);
    case SplitDecision::Trial::None:
        break;
    }
    return split_.shares() ? workers->partsWorth(count, split_.wholeNanosecondsPerElement()) : 1;
}

void BoundKernel::drawAhead(std::int64_t elements) {
    if (draws.sites.empty())
        return;
    const auto count = static_cast<size_t>(elements);
    drawn_.resize(count * draws.sites.size());
    auto& generator = *static_cast<RandomGenerator*>(context.rng);
    double* site = drawn_.data();
    auto binomial = draws.binomials.begin();
    for (const DrawKind kind : draws.sites) { // statement-major, as numpy draws them
        if (kind == DrawKind::Normal) {
            generator.fillNormal(site, count);
        } else if (kind == DrawKind::Binomial) {
            for (size_t k = 0; k < count; ++k)
                site[k] = spikestudio_binomial(&generator, binomial->trials, binomial->probability);
            ++binomial;
        } else {
            generator.fillUniform(site, count);
        }
        site += count;
    }
    context.draws = drawn_.data();
    context.drawCount = elements;
}

void BoundKernel::runPart(void* self, int part) {
    auto* kernel = static_cast<BoundKernel*>(self);
    kernel->invoke(kernel->parts_[static_cast<size_t>(part)]);
}

} // namespace spikestudio
