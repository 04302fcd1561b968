#pragma once

#include <chrono>
#include <cstdint>
#include <limits>

namespace spikestudio {

/// What one element of a kernel costs, measured on the kernel's first calls
/// run whole on one thread: the least time per element of a few calls, so
/// that a call the system interrupted does not count. Measured again when
/// the kernel's code changes (the native tier's code is several times faster
/// than libtcc's).
class ElementCost {
public:
    /// True once `code`'s cost is measured; false starts measuring it afresh.
    bool knownFor(const void* code) {
        if (code != code_) {
            code_ = code;
            samples_ = 0;
            nanoseconds_ = std::numeric_limits<double>::infinity();
        }
        return samples_ >= kSamples;
    }

    /// A call of `elements` elements (none: not a sample) that took `took`.
    void add(std::int64_t elements, std::chrono::nanoseconds took) {
        if (elements <= 0)
            return;
        const double perElement = double(took.count()) / double(elements);
        if (perElement < nanoseconds_)
            nanoseconds_ = perElement;
        ++samples_;
    }

    double nanosecondsPerElement() const { return nanoseconds_; }

private:
    static constexpr int kSamples = 8;
    const void* code_ = nullptr;
    int samples_ = 0;
    double nanoseconds_ = std::numeric_limits<double>::infinity();
};

} // namespace spikestudio
