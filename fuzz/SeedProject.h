#pragma once

#include <string>

namespace spikestudio::fuzz {

/// The bytes of a small, valid project written by Spike Studio's own storage
/// code: a saved model and two runs whose monitors cover every kind of record
/// and chunk format (spike_step_runs, spike_times, f64_rows of state and rate
/// monitors), in several chunks. Built once per process.
const std::string& seedProjectBytes();

} // namespace spikestudio::fuzz
