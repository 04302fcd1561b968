#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>

namespace spikestudio {

/// Whether sharing a kernel's calls out between threads pays, decided by
/// measuring: its first calls run whole, the next ones shared out, timed, and the least time per
/// element of each way (so that a call the system interrupted does not count) decides. A
/// memory-bound kernel, or a pathway whose every call still reads the whole list of due synapses,
/// may run slower shared; the numbers are the same bits either way. Measured again when the
/// kernel's code changes (the native tier's is faster).
class SplitDecision {
public:
    enum class Trial { Whole, Shared, None };

    /// What the next call of `code` should be: a trial of one way, or None
    /// once both are measured, or when a shared trial is due but the call
    /// has too few elements to share out (`canShare` false): counted as a
    /// whole call, it would keep the trials, and their timing, going forever.
    Trial nextTrial(const void* code, bool canShare) {
        if (code != code_) {
            code_ = code;
            whole_ = {};
            shared_ = {};
        }
        if (whole_.samples >= kSamples && shared_.samples >= kSamples)
            return Trial::None;
        // Whole calls first, then shared ones: a worker that slept through the
        // whole calls wakes for the first shared one, and the least time of
        // the rest is the one that counts.
        if (whole_.samples < kSamples)
            return Trial::Whole;
        return canShare ? Trial::Shared : Trial::None;
    }

    /// A trial call of `elements` elements (none: not a sample) that took `took`.
    void add(Trial trial, std::int64_t elements, std::chrono::nanoseconds took) {
        if (elements > 0 && trial != Trial::None)
            (trial == Trial::Whole ? whole_ : shared_).add(elements, took);
    }

    /// Shared calls were clearly faster per element than whole ones.
    bool shares() const { return shared_.least < kClearly * whole_.least; }
    /// The least time per element of a whole call (infinity before one).
    double wholeNanosecondsPerElement() const { return whole_.least; }

private:
    static constexpr int kSamples = 8;
    static constexpr double kClearly = 0.9;

    struct Samples {
        int samples = 0;
        double least = std::numeric_limits<double>::infinity();
        void add(std::int64_t elements, std::chrono::nanoseconds took) {
            least = std::min(least, double(took.count()) / double(elements));
            ++samples;
        }
    };

    const void* code_ = nullptr;
    Samples whole_, shared_;
};

} // namespace spikestudio
