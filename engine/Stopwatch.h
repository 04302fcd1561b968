#pragma once

#include <chrono>

namespace spikestudio {

/// The clock build and run timings are measured with.
using Stopwatch = std::chrono::steady_clock;

/// Milliseconds from `start` until now.
inline double millisecondsSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

} // namespace spikestudio
