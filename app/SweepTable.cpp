#include "SweepTable.h"

#include "diagnostics/PrintableText.h"
#include "storage/RunStatus.h"

#include <algorithm>
#include <cstdio>

namespace spikestudio {
namespace {

std::string shortNumber(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string unitSuffix(const Dimension& dim) {
    const std::string symbol = dim.unitSymbol();
    return symbol.empty() ? "" : " [" + symbol + "]";
}

// The statistics a terminal has room for.
bool printed(const SweepStatisticColumn& column) {
    for (const char* figure :
         {"spikes", "rate_mean", "isi_cv_mean", "fano_factor", "dominant_frequency"})
        if (column.figure == figure)
            return true;
    return false;
}

std::vector<std::vector<std::string>> terminalLines(const SweepResultTable& table) {
    std::vector<SweepStatisticColumn> columns = table.statisticColumns();
    std::erase_if(columns, [](const SweepStatisticColumn& column) { return !printed(column); });
    const bool seeded = !table.plan().seeds().empty();
    std::vector<std::string> header{"variant"};
    for (const SweepAxis& axis : table.plan().axes())
        header.push_back(axis.constant + unitSuffix(axis.dimension));
    if (seeded)
        header.push_back("seed");
    header.push_back("status");
    if (table.stored())
        header.push_back("run id");
    for (const SweepStatisticColumn& column : columns)
        header.push_back(column.header());
    std::vector<std::vector<std::string>> lines{header};
    for (const SweepResultRow& row : table.rows()) {
        std::vector<std::string> cells{std::to_string(row.variant + 1)};
        for (double value : row.values)
            cells.push_back(shortNumber(value));
        if (seeded)
            cells.push_back(row.seed ? std::to_string(*row.seed) : "");
        cells.emplace_back(runStatusName(row.status));
        if (table.stored())
            cells.push_back(row.runId ? std::to_string(*row.runId) : "");
        for (const SweepStatisticColumn& column : columns) {
            const auto value = SweepResultTable::statistic(row, column);
            cells.push_back(value ? shortNumber(*value) : "");
        }
        lines.push_back(std::move(cells));
    }
    return lines;
}

} // namespace

void SweepTable::add(const SweepVariantOutcome& outcome) {
    results_.add(outcome.variant.index, outcome.report.status,
                 outcome.report.built ? std::optional(outcome.report.statistics) : std::nullopt);
}

std::string SweepTable::progressLine(const SweepVariantOutcome& outcome) const {
    const SweepVariant& variant = outcome.variant;
    std::string line =
        "[" + std::to_string(variant.index + 1) + "/" + std::to_string(plan_.variantCount()) + "] ";
    for (std::size_t k = 0; k < plan_.axes().size(); ++k) {
        const SweepAxis& axis = plan_.axes()[k];
        const std::string unit = axis.dimension.unitSymbol();
        line += (k ? ", " : "") + axis.constant + "=" +
                shortNumber(axis.values[plan_.valueIndex(variant.index, k)]) +
                (unit.empty() ? "" : " " + unit);
    }
    if (variant.seed)
        line += ", seed " + std::to_string(*variant.seed);
    line += ": " + std::string(runStatusName(outcome.report.status));
    if (!outcome.report.message.empty())
        line += " (" + outcome.report.message + ")";
    for (const SpikeTrainStatistics& monitor : outcome.report.statistics.spikeMonitors)
        line += "; " + monitor.monitor + ": " + std::to_string(monitor.spikes) + " spikes, " +
                shortNumber(monitor.rateMean) + " Hz";
    return printable(line);
}

void SweepTable::print(std::ostream& out) const {
    const auto lines = terminalLines(results_);
    std::vector<std::size_t> widths(lines.front().size(), 0);
    for (const auto& line : lines)
        for (std::size_t k = 0; k < line.size(); ++k)
            widths[k] = std::max(widths[k], line[k].size());
    for (const auto& line : lines) {
        std::string text;
        for (std::size_t k = 0; k < line.size(); ++k)
            text += line[k] +
                    (k + 1 < line.size() ? std::string(widths[k] - line[k].size() + 2, ' ') : "");
        text.erase(text.find_last_not_of(' ') + 1);
        out << printable(text) << "\n";
    }
}

} // namespace spikestudio
