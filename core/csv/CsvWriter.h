#pragma once

#include "runtime/RunResults.h"

#include <ostream>
#include <string>

namespace spikestudio {

/// CSV exactly as docs/model-format.md states: SI values, units in header brackets,
/// doubles with enough digits to round-trip.
void writeSpikeCsv(const SpikeRecord& record, std::ostream& out);
void writeStateCsv(const StateRecord& record, std::ostream& out);
void writeRateCsv(const RateRecord& record, std::ostream& out);

/// Writes `<monitor>.csv` for every record of `results` into `directory`
/// (created if missing). Monitor names are checked first (OutputName: plain
/// file names, none two differing only in case): a bad one writes nothing.
/// Each file is an AtomicOutputFile, so a failure leaves an earlier file of
/// that name intact. Throws std::runtime_error naming the monitor or the file.
void writeAllCsv(const RunResults& results, const std::string& directory);

} // namespace spikestudio
