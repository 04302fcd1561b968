#include "csv/CsvWriter.h"

#include "expr/ExprText.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <stdexcept>

namespace spikestudio {

namespace {

std::string headerUnit(const Dimension& dim) {
    return dim.isDimensionless() ? "" : " [" + dim.unitSymbol() + "]";
}

template <typename Writer> void writeFile(const std::filesystem::path& path, Writer write) {
    const std::filesystem::path partial = path.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out)
            throw std::runtime_error("cannot write " + path.string());
        write(out);
        out.flush();
        if (!out)
            throw std::runtime_error("cannot write " + path.string() + " (disk full?)");
    }
    std::error_code error;
    std::filesystem::rename(partial, path, error);
    if (error) {
        std::filesystem::remove(partial, error);
        throw std::runtime_error("cannot write " + path.string());
    }
}

} // namespace

void writeSpikeCsv(const SpikeRecord& record, std::ostream& out) {
    out << "i,t [s]\n";
    // Recorded in time order already; within a step, order by index.
    std::vector<size_t> order(record.indices.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&record](size_t a, size_t b) {
        if (record.times[a] != record.times[b])
            return record.times[a] < record.times[b];
        return record.indices[a] < record.indices[b];
    });
    for (size_t k : order)
        out << record.indices[k] << ',' << formatNumber(record.times[k]) << '\n';
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

void writeAllCsv(const Network& network, const std::string& directory) {
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error)
        throw std::runtime_error("cannot create the directory " + directory);
    const std::filesystem::path dir(directory);
    for (const SpikeRecord& record : network.spikeRecords())
        writeFile(dir / (record.monitor + ".csv"),
                  [&record](std::ostream& out) { writeSpikeCsv(record, out); });
    for (const StateRecord& record : network.stateRecords())
        writeFile(dir / (record.monitor + ".csv"),
                  [&record](std::ostream& out) { writeStateCsv(record, out); });
    for (const RateRecord& record : network.rateRecords())
        writeFile(dir / (record.monitor + ".csv"),
                  [&record](std::ostream& out) { writeRateCsv(record, out); });
}

} // namespace spikestudio
