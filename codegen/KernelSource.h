#pragma once

#include "codegen/ArrayBinding.h"

#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// How a kernel walks its work; it says how the runtime may share the work
/// out between threads (engine/BoundKernel.cpp).
enum class KernelLoop {
    Written,   ///< summed variables: the written elements from first to last (zeroed, then summed)
    Due,       ///< a pathway's due synapses whose owner lies from first to last
    Elements,  ///< elements from context.first to context.last (state updates, monitors)
    Threshold, ///< Elements, writing the crossings from events[first] on, eventCount of them
    Events,    ///< the eventspace's entries from first to last (resets)
};

/// numpy's kinds of draw a kernel can take ahead of a call.
enum class DrawKind { Uniform, Normal, Binomial };

/// A Binomial site's numpy binomial(trials, probability).
struct BinomialSite {
    long long trials = 0;
    double probability = 0.0;
    bool operator==(const BinomialSite&) const = default;
};

/// The random numbers a kernel's elements draw, when the runtime draws them
/// ahead of the call. Brian2's numpy target runs each statement over all
/// elements at once, so the stream holds the first draw site's numbers for
/// every element, then the second site's, and so on (statement-major).
/// `sites` lists the kinds in the order of the code; element p (its position
/// in the call's loop, of n) reads site k's number from context.draws[k*n + p].
/// Drawn ahead, the elements no longer share the generator and may be shared
/// out between threads with the same bits.
struct RandomDraws {
    std::vector<DrawKind> sites; // empty: none drawn ahead (the kernel draws none, or itself)
    std::vector<BinomialSite> binomials; // of the Binomial sites, in their order
};

/// Generated C for one kernel and what its `arrays` argument must hold:
/// entry k says where the pointer in arrays[k] comes from.
struct KernelSource {
    std::string code;
    std::vector<ArrayBinding> arrays;
    KernelLoop loop = KernelLoop::Elements;
    /// Each element writes only its own entries, reads no entry another
    /// element writes and draws no random numbers: any split of the loop
    /// gives the same bits as one pass.
    bool independentElements = false;
    /// Due loops: the index whose range a call takes, the synapse (none), or
    /// the neuron on the side whose variables the pathway writes.
    std::optional<SynapseSide> owner;
    RandomDraws draws;
};

} // namespace spikestudio
