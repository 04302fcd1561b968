#include "sweepresults/SweepResultTable.h"

#include "diagnostics/UserError.h"

#include <algorithm>
#include <cstdio>

namespace spikestudio {
namespace {

std::string bracketedUnit(const Dimension& dimension) {
    const std::string symbol = dimension.unitSymbol();
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

const Dimension kHertz = Dimension::hertz();

// The figures of a SpikeMonitor as columns, with their values.
struct SpikeFigure {
    const char* name;
    bool inHertz;
    std::optional<double> (*value)(const SpikeTrainStatistics&);
};

const SpikeFigure kSpikeFigures[] = {
    {"neurons", false,
     [](const SpikeTrainStatistics& s) { return std::optional(double(s.neurons)); }},
    {"spikes", false,
     [](const SpikeTrainStatistics& s) { return std::optional(double(s.spikes)); }},
    {"rate_mean", true, [](const SpikeTrainStatistics& s) { return std::optional(s.rateMean); }},
    {"rate_sd", true, [](const SpikeTrainStatistics& s) { return std::optional(s.rateSd); }},
    {"isi_cv_mean", false, [](const SpikeTrainStatistics& s) { return s.isiCvMean; }},
    {"isi_cv_neurons", false,
     [](const SpikeTrainStatistics& s) { return std::optional(double(s.isiCvNeurons)); }},
    {"fano_factor", false, [](const SpikeTrainStatistics& s) { return s.fanoFactor; }},
    {"dominant_frequency", true, [](const SpikeTrainStatistics& s) { return s.dominantFrequency; }},
};

} // namespace

std::string exactNumber(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

std::string SweepStatisticColumn::header() const {
    return name() + bracketedUnit(dimension);
}

bool SweepStatisticColumn::operator==(const SweepStatisticColumn& other) const {
    return monitor == other.monitor && figure == other.figure && dimension == other.dimension;
}

std::vector<SweepStatisticColumn> statisticColumnsOf(const RunStatistics& statistics) {
    std::vector<SweepStatisticColumn> columns;
    for (const SpikeTrainStatistics& monitor : statistics.spikeMonitors)
        for (const SpikeFigure& figure : kSpikeFigures)
            columns.push_back({monitor.monitor, figure.name,
                               figure.inHertz ? kHertz : Dimension::dimensionless()});
    for (const VariableStatistics& variable : statistics.stateVariables) {
        columns.push_back({variable.monitor, variable.variable + ".mean", variable.dimension});
        columns.push_back({variable.monitor, variable.variable + ".sd", variable.dimension});
    }
    return columns;
}

void SweepResultTable::add(std::size_t variant, RunStatus status,
                           std::optional<RunStatistics> statistics,
                           std::optional<std::int64_t> runId) {
    if (variant >= plan_.variantCount())
        throw UserError("variant " + std::to_string(variant + 1) + " is not one of the sweep's " +
                        std::to_string(plan_.variantCount()));
    SweepResultRow row;
    row.variant = variant;
    for (std::size_t axis = 0; axis < plan_.axes().size(); ++axis)
        row.values.push_back(plan_.axes()[axis].values[plan_.valueIndex(variant, axis)]);
    row.seed = plan_.variant(variant).seed;
    row.status = status;
    row.runId = runId;
    stored_ = stored_ || runId;
    row.statistics = std::move(statistics);
    const auto place = std::lower_bound(
        rows_.begin(), rows_.end(), variant,
        [](const SweepResultRow& existing, std::size_t v) { return existing.variant < v; });
    if (place != rows_.end() && place->variant == variant)
        *place = std::move(row);
    else
        rows_.insert(place, std::move(row));
}

void SweepResultTable::setRunId(std::size_t variant, std::int64_t runId) {
    for (SweepResultRow& row : rows_)
        if (row.variant == variant) {
            row.runId = runId;
            stored_ = true;
        }
}

std::vector<SweepStatisticColumn> SweepResultTable::statisticColumns() const {
    std::vector<SweepStatisticColumn> columns;
    for (const SweepResultRow& row : rows_) {
        if (!row.statistics)
            continue;
        for (SweepStatisticColumn& column : statisticColumnsOf(*row.statistics))
            if (std::find(columns.begin(), columns.end(), column) == columns.end())
                columns.push_back(std::move(column));
    }
    return columns;
}

std::optional<double> SweepResultTable::statistic(const SweepResultRow& row,
                                                  const SweepStatisticColumn& column) {
    return row.statistics ? statisticValue(*row.statistics, column) : std::nullopt;
}

std::optional<double> statisticValue(const RunStatistics& statistics,
                                     const SweepStatisticColumn& column) {
    for (const SpikeTrainStatistics& monitor : statistics.spikeMonitors) {
        if (monitor.monitor != column.monitor)
            continue;
        for (const SpikeFigure& figure : kSpikeFigures)
            if (column.figure == figure.name)
                return figure.value(monitor);
    }
    for (const VariableStatistics& variable : statistics.stateVariables) {
        if (variable.monitor != column.monitor || variable.dimension != column.dimension)
            continue;
        if (column.figure == variable.variable + ".mean")
            return variable.mean;
        if (column.figure == variable.variable + ".sd")
            return variable.sd;
    }
    return std::nullopt;
}

std::size_t SweepResultTable::pointOf(const SweepResultRow& row) const {
    return row.variant / std::max<std::size_t>(1, plan_.seeds().size());
}

std::vector<std::string> SweepResultTable::header() const {
    std::vector<std::string> names{"variant"};
    for (const SweepAxis& axis : plan_.axes())
        names.push_back(axis.constant + bracketedUnit(axis.dimension));
    if (!plan_.seeds().empty())
        names.push_back("seed");
    names.push_back("status");
    if (stored_)
        names.push_back("run id");
    for (const SweepStatisticColumn& column : statisticColumns())
        names.push_back(column.header());
    return names;
}

std::vector<std::string>
SweepResultTable::cells(const SweepResultRow& row,
                        const std::vector<SweepStatisticColumn>& columns) const {
    std::vector<std::string> cells{std::to_string(row.variant + 1)};
    for (double value : row.values)
        cells.push_back(exactNumber(value));
    if (!plan_.seeds().empty())
        cells.push_back(row.seed ? std::to_string(*row.seed) : "");
    cells.emplace_back(runStatusName(row.status));
    if (stored_)
        cells.push_back(row.runId ? std::to_string(*row.runId) : "");
    for (const SweepStatisticColumn& column : columns) {
        const std::optional<double> value = statistic(row, column);
        cells.push_back(value ? exactNumber(*value) : "");
    }
    return cells;
}

void SweepResultTable::writeCsv(std::ostream& out) const {
    auto writeLine = [&](const std::vector<std::string>& fields) {
        for (std::size_t k = 0; k < fields.size(); ++k)
            out << (k ? "," : "") << csvField(fields[k]);
        out << "\n";
    };
    writeLine(header());
    const std::vector<SweepStatisticColumn> columns = statisticColumns();
    for (const SweepResultRow& row : rows_)
        writeLine(cells(row, columns));
}

} // namespace spikestudio
