#pragma once

#include "analysis/RunStatistics.h"

#include <optional>
#include <ostream>
#include <string>

namespace spikestudio {

/// A number as tables and summaries print it (6 significant digits), or "–"
/// when there is none.
std::string figure(const std::optional<double>& value);

/// The lines `spikestudio run` prints under its summary: per SpikeMonitor the
/// rates, ISI CV, Fano factor and dominant frequency; per recorded variable
/// its mean and standard deviation.
void printStatistics(const RunStatistics& statistics, std::ostream& out);

} // namespace spikestudio
