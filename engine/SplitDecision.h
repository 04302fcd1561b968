#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>

namespace spikestudio {

/// Whether sharing a kernel's calls out between threads pays, decided by
/// measuring, in rounds: a round times some calls whole, then as many shared
/// out, and the least time per element of each way (so that a call the system
/// interrupted does not count) decides until the next round. A memory-bound
/// kernel, or a pathway whose every call still reads the whole list of due
/// synapses, may run slower shared; the numbers are the same bits either way.
///
/// Rounds come again, ever further apart (256 calls after the first, then
/// 512, ... up to every 4096), because one round can be wrong: on a virtual
/// machine the second core may be slow or taken for a few milliseconds, and a
/// decision taken then would hold for the whole run (a 100,000-neuron CUBA
/// ran 1.6 times as long in one run of four that way). A later round sets it
/// right at the cost of a few calls the slower way. Measured afresh when the kernel's code
/// changes (the native tier's is faster).
class SplitDecision {
public:
    enum class Trial { Whole, Shared, None };

    /// What the next call of `code` should be: a trial of one way, or None
    /// between rounds, or when a shared trial is due but the call has too few
    /// elements to share out (`canShare` false): counted as a whole call, it
    /// would keep the trials, and their timing, going forever.
    Trial nextTrial(const void* code, bool canShare) {
        if (code != code_) {
            *this = SplitDecision{};
            code_ = code;
        }
        ++calls_;
        if (roundOver()) {
            if (calls_ < nextRound_)
                return Trial::None;
            startRound(kLaterRoundSamples);
        }
        // Whole calls first, then shared ones: a worker that slept through the
        // whole calls wakes for the first shared one, and shared calls count
        // once it takes part (add()).
        if (whole_.samples < roundSamples_)
            return Trial::Whole;
        return canShare ? Trial::Shared : Trial::None;
    }

    /// A trial call of `elements` elements (none: not a sample) that took
    /// `took`. A shared trial the workers took no part in (they were still
    /// waking up: on a virtual machine that can take longer than several
    /// short calls) is no sample either, unless they miss so many in a row
    /// that they are not coming: then the call is what sharing costs.
    void add(Trial trial, std::int64_t elements, std::chrono::nanoseconds took,
             bool workersTookPart = true) {
        if (elements <= 0 || trial == Trial::None || roundOver())
            return;
        if (trial == Trial::Shared && !workersTookPart && ++missed_ < kPatience)
            return;
        (trial == Trial::Whole ? whole_ : shared_).add(elements, took);
        if (roundOver())
            decide();
    }

    /// The last round found shared calls clearly faster per element than whole ones.
    bool shares() const { return shares_; }
    /// The least time per element of a whole call in the last round (infinity before one).
    double wholeNanosecondsPerElement() const { return wholeNanosecondsPerElement_; }

private:
    static constexpr int kFirstRoundSamples = 8;
    static constexpr int kLaterRoundSamples = 4;
    static constexpr std::int64_t kFirstInterval = 256;
    static constexpr std::int64_t kLongestInterval = 4096;
    static constexpr double kClearly = 0.9;
    static constexpr int kPatience = 64; // shared trials the workers may miss in a round

    struct Samples {
        int samples = 0;
        double least = std::numeric_limits<double>::infinity();
        void add(std::int64_t elements, std::chrono::nanoseconds took) {
            least = std::min(least, double(took.count()) / double(elements));
            ++samples;
        }
    };

    bool roundOver() const {
        return whole_.samples >= roundSamples_ && shared_.samples >= roundSamples_;
    }
    void startRound(int samples) {
        roundSamples_ = samples;
        missed_ = 0;
        whole_ = {};
        shared_ = {};
    }
    void decide() {
        shares_ = shared_.least < kClearly * whole_.least;
        wholeNanosecondsPerElement_ = whole_.least;
        nextRound_ = calls_ + interval_;
        interval_ = std::min(2 * interval_, kLongestInterval);
    }

    const void* code_ = nullptr;
    std::int64_t calls_ = 0;     // calls of this code so far
    std::int64_t nextRound_ = 0; // the call that starts the next round
    std::int64_t interval_ = kFirstInterval;
    int roundSamples_ = kFirstRoundSamples;
    int missed_ = 0;         // shared trials of this round the workers took no part in
    Samples whole_, shared_; // the round under way (or the last one)
    bool shares_ = false;
    double wholeNanosecondsPerElement_ = std::numeric_limits<double>::infinity();
};

} // namespace spikestudio
