#include "csv/CsvWriter.h"

#include "diagnostics/PrintableText.h"
#include "expr/ExprText.h"
#include "files/AtomicOutputFile.h"
#include "files/OutputName.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <stdexcept>

namespace spikestudio {

namespace {

std::string headerUnit(const Dimension& dim) {
    return dim.isDimensionless() ? "" : " [" + dim.unitSymbol() + "]";
}

template <typename Writer> void writeFile(const std::filesystem::path& path, Writer write) {
    AtomicOutputFile file(path.string());
    write(file.stream());
    file.commit();
}

/// Checks that every monitor's name is a plain file name and that no two give
/// the same file on a case-insensitive file system. Names can come from a
/// project file, so nothing is written unless all pass.
void checkFileNames(const RunResults& results) {
    std::vector<std::string> names;
    for (const SpikeRecord& record : results.spikes)
        names.push_back(record.monitor);
    for (const StateRecord& record : results.states)
        names.push_back(record.monitor);
    for (const RateRecord& record : results.rates)
        names.push_back(record.monitor);
    std::map<std::string, std::string> byFoldedName;
    for (const std::string& name : names) {
        if (const std::string problem = OutputName::problem(name); !problem.empty())
            throw std::runtime_error("monitor '" + printable(name) + "', field 'name': " + problem +
                                     "; no CSV file was written");
        const auto [seen, added] = byFoldedName.emplace(OutputName::caseFolded(name), name);
        if (added)
            continue;
        if (seen->second == name)
            throw std::runtime_error("monitor '" + printable(name) +
                                     "', field 'name': two monitors have this name, so their CSV "
                                     "files would be one file; no CSV file was written");
        throw std::runtime_error(
            "monitors '" + printable(seen->second) + "' and '" + printable(name) +
            "', field 'name': the names differ only in case, so their CSV files would be one "
            "file on case-insensitive file systems; no CSV file was written");
    }
}

} // namespace

/// A monitor that only counts: one row per neuron, its index and count.
void writeCountCsv(const SpikeRecord& record, std::ostream& out) {
    out << "i,count\n";
    for (size_t k = 0; k < record.countPerNeuron.size(); ++k)
        out << k << ',' << record.countPerNeuron[k] << '\n';
}

void writeSpikeCsv(const SpikeRecord& record, std::ostream& out) {
    if (!record.keepsEvents)
        return writeCountCsv(record, out);
    out << "i,t [s]";
    for (const SpikeRecord::ValueColumn& column : record.columns)
        out << ',' << column.variable << headerUnit(column.dim);
    out << '\n';
    // Recorded in time order already; within a step, order by index.
    std::vector<size_t> order(record.indices.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&record](size_t a, size_t b) {
        if (record.times[a] != record.times[b])
            return record.times[a] < record.times[b];
        return record.indices[a] < record.indices[b];
    });
    for (size_t k : order) {
        out << record.indices[k] << ',' << formatNumber(record.times[k]);
        for (size_t c = 0; c < record.columns.size(); ++c)
            out << ',' << formatNumber(record.value(k, c));
        out << '\n';
    }
}

void writeStateCsv(const StateRecord& record, std::ostream& out) {
    out << "t [s]";
    for (const StateRecord::Column& column : record.columns)
        out << ',' << column.variable << '[' << column.index << ']' << headerUnit(column.dim);
    out << '\n';
    const size_t columns = record.columns.size();
    for (size_t row = 0; row < record.rowCount(); ++row) {
        out << formatNumber(record.times[row]);
        for (size_t c = 0; c < columns; ++c)
            out << ',' << formatNumber(record.values[row * columns + c]);
        out << '\n';
    }
}

void writeRateCsv(const RateRecord& record, std::ostream& out) {
    out << "t [s],rate [Hz]\n";
    for (size_t k = 0; k < record.times.size(); ++k)
        out << formatNumber(record.times[k]) << ',' << formatNumber(record.rates[k]) << '\n';
}

void writeAllCsv(const RunResults& results, const std::string& directory) {
    checkFileNames(results);
    if (directory.empty())
        throw std::runtime_error("the CSV folder's name is empty");
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error)
        throw std::runtime_error("cannot create the folder " + directory + " (" + error.message() +
                                 ")");
    const std::filesystem::path dir(directory);
    for (const SpikeRecord& record : results.spikes)
        writeFile(dir / (record.monitor + ".csv"),
                  [&record](std::ostream& out) { writeSpikeCsv(record, out); });
    for (const StateRecord& record : results.states)
        writeFile(dir / (record.monitor + ".csv"),
                  [&record](std::ostream& out) { writeStateCsv(record, out); });
    for (const RateRecord& record : results.rates)
        writeFile(dir / (record.monitor + ".csv"),
                  [&record](std::ostream& out) { writeRateCsv(record, out); });
}

} // namespace spikestudio
