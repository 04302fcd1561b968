#include "SweepTable.h"

#include "diagnostics/PrintableText.h"
#include "storage/RunStatus.h"

#include <algorithm>
#include <cstdio>

namespace spikestudio {
namespace {

std::string number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

std::string shortNumber(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

std::string unitSuffix(const Dimension& dim) {
    const std::string symbol = dim.unitSymbol();
    return symbol.empty() ? "" : " [" + symbol + "]";
}

// A CSV field: quoted when it holds a separator, a quote or a line break.
std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

void SweepTable::add(const SweepVariantOutcome& outcome) {
    if (monitorNames_.empty())
        for (const SpikeTrainStatistics& monitor : outcome.report.statistics.spikeMonitors)
            monitorNames_.push_back(monitor.monitor);
    rows_.push_back({outcome, std::nullopt});
}

void SweepTable::setRunId(std::size_t variant, std::int64_t runId) {
    stored_ = true;
    for (Row& row : rows_)
        if (row.outcome.variant.index == variant)
            row.runId = runId;
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

std::vector<std::string> SweepTable::header(bool forCsv) const {
    std::vector<std::string> names{"run"};
    for (const SweepAxis& axis : plan_.axes())
        names.push_back(axis.constant + unitSuffix(axis.dimension));
    if (!plan_.seeds().empty())
        names.push_back("seed");
    names.push_back("status");
    for (const std::string& monitor : monitorNames_) {
        for (const char* figure : {":spikes", ":rate [Hz]", ":ISI CV", ":Fano", ":peak [Hz]"})
            names.push_back(monitor + figure);
    }
    if (stored_)
        names.push_back(forCsv ? "stored run" : "stored");
    return names;
}

std::vector<std::string> SweepTable::cells(const Row& row, bool forCsv) const {
    const SweepVariant& variant = row.outcome.variant;
    std::vector<std::string> cells{std::to_string(variant.index + 1)};
    for (std::size_t k = 0; k < plan_.axes().size(); ++k) {
        const double value = plan_.axes()[k].values[plan_.valueIndex(variant.index, k)];
        cells.push_back(forCsv ? number(value) : shortNumber(value));
    }
    if (!plan_.seeds().empty())
        cells.push_back(variant.seed ? std::to_string(*variant.seed) : "");
    cells.emplace_back(runStatusName(row.outcome.report.status));
    const auto& monitors = row.outcome.report.statistics.spikeMonitors;
    auto value = [&](const std::optional<double>& v) {
        return !v ? std::string() : forCsv ? number(*v) : shortNumber(*v);
    };
    for (const std::string& monitor : monitorNames_) {
        const auto found =
            std::find_if(monitors.begin(), monitors.end(),
                         [&](const SpikeTrainStatistics& s) { return s.monitor == monitor; });
        if (found == monitors.end() || !row.outcome.report.built) {
            cells.insert(cells.end(), 5, "");
            continue;
        }
        cells.push_back(std::to_string(found->spikes));
        cells.push_back(value(found->rateMean));
        cells.push_back(value(found->isiCvMean));
        cells.push_back(value(found->fanoFactor));
        cells.push_back(value(found->dominantFrequency));
    }
    if (stored_)
        cells.push_back(row.runId ? std::to_string(*row.runId) : "");
    return cells;
}

std::vector<const SweepTable::Row*> SweepTable::sortedRows() const {
    std::vector<const Row*> rows;
    for (const Row& row : rows_)
        rows.push_back(&row);
    std::sort(rows.begin(), rows.end(), [](const Row* a, const Row* b) {
        return a->outcome.variant.index < b->outcome.variant.index;
    });
    return rows;
}

void SweepTable::print(std::ostream& out) const {
    std::vector<std::vector<std::string>> lines{header(false)};
    for (const Row* row : sortedRows())
        lines.push_back(cells(*row, false));
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

void SweepTable::writeCsv(std::ostream& out) const {
    auto writeLine = [&](const std::vector<std::string>& fields) {
        for (std::size_t k = 0; k < fields.size(); ++k)
            out << (k ? "," : "") << csvField(fields[k]);
        out << "\n";
    };
    writeLine(header(true));
    for (const Row* row : sortedRows())
        writeLine(cells(*row, true));
}

} // namespace spikestudio
