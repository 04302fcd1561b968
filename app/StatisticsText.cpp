#include "StatisticsText.h"

#include "diagnostics/PrintableText.h"

#include <cstdio>

namespace spikestudio {

std::string figure(const std::optional<double>& value) {
    if (!value)
        return "–";
    char text[40];
    std::snprintf(text, sizeof text, "%.6g", *value);
    return text;
}

void printStatistics(const RunStatistics& statistics, std::ostream& out) {
    for (const SpikeTrainStatistics& s : statistics.spikeMonitors)
        out << "statistics " << printable(s.monitor) << ": rate " << figure(s.rateMean) << " ± "
            << figure(s.rateSd) << " Hz over " << s.neurons << " neurons, ISI CV "
            << figure(s.isiCvMean) << " (" << s.isiCvNeurons << " neurons), Fano factor "
            << figure(s.fanoFactor) << ", peak " << figure(s.dominantFrequency) << " Hz\n";
    for (const VariableStatistics& s : statistics.stateVariables) {
        const std::string unit = s.dimension.unitSymbol();
        out << "statistics " << printable(s.monitor) << "." << printable(s.variable) << ": mean "
            << figure(s.mean) << (unit.empty() ? "" : " " + unit) << ", sd " << figure(s.sd)
            << (unit.empty() ? "" : " " + unit) << " over " << s.samples << " samples\n";
    }
}

} // namespace spikestudio
