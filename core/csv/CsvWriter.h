#pragma once

#include "runtime/Network.h"

#include <ostream>
#include <string>

namespace spikestudio {

/// CSV exactly as docs/model-format.md states: SI values, units in header brackets,
/// doubles with enough digits to round-trip.
void writeSpikeCsv(const SpikeRecord& record, std::ostream& out);
void writeStateCsv(const StateRecord& record, std::ostream& out);
void writeRateCsv(const RateRecord& record, std::ostream& out);

/// Writes `<monitor>.csv` for every monitor of `network` into `directory`
/// (created if missing). Each file is written to a temporary name and renamed
/// when complete, so no partial file is left looking finished.
/// Throws std::runtime_error naming the file on failure.
void writeAllCsv(const Network& network, const std::string& directory);

} // namespace spikestudio
