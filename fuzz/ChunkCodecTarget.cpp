#include "FuzzBytes.h"
#include "FuzzTargets.h"
#include "storage/ChunkCodec.h"
#include "storage/StorageError.h"

#include <cstring>
#include <limits>

namespace spikestudio::fuzz {

namespace {

enum class Mode {
    StepRuns,
    Steps,
    Times,
    Rows,
    Counts,
    SpikeRoundTrip,
    RowRoundTrip,
    CountRoundTrip,
    Count
};

/// Reading a stored chunk, as RunReader reads one: a format error is the only outcome for bad data.
void unpack(Mode mode, FuzzBytes& bytes) {
    std::vector<std::int32_t> indices;
    std::vector<double> times, values;
    try {
        if (mode == Mode::StepRuns) {
            const auto dt = bytes.value<double>();
            ChunkCodec::unpackSpikeStepRuns(bytes.restAsBytes(), dt, indices, times);
        } else if (mode == Mode::Steps) {
            const auto dt = bytes.value<double>();
            ChunkCodec::unpackSpikeSteps(bytes.restAsBytes(), dt, indices, times);
        } else if (mode == Mode::Times) {
            ChunkCodec::unpackSpikeTimes(bytes.restAsBytes(), indices, times);
        } else if (mode == Mode::Counts) {
            std::vector<std::int64_t> counts(bytes.byte());
            ChunkCodec::unpackCounts(bytes.restAsBytes(), counts);
        } else {
            const auto columns = bytes.value<std::uint64_t>();
            ChunkCodec::unpackRows(bytes.restAsBytes(), columns, times, values);
        }
    } catch (const StorageError&) {
    }
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b) {
    return a.size() == b.size() &&
           (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

/// Spikes at times step * dt, as the clocks make them: stored and read back unchanged.
void spikeRoundTrip(FuzzBytes& bytes) {
    const auto dt = bytes.value<double>();
    std::vector<std::int32_t> indices;
    std::vector<double> times;
    std::int64_t step = 0;
    while (!bytes.empty()) {
        indices.push_back(bytes.value<std::int32_t>());
        step += bytes.byte();
        times.push_back(static_cast<double>(step) * dt);
    }
    std::vector<std::byte> blob;
    std::vector<std::int32_t> readIndices;
    std::vector<double> readTimes;
    if (ChunkCodec::packSpikeStepRuns(indices, times, dt, blob)) {
        ChunkCodec::unpackSpikeStepRuns(blob, dt, readIndices, readTimes);
    } else {
        ChunkCodec::packSpikeTimes(indices, times, blob);
        ChunkCodec::unpackSpikeTimes(blob, readIndices, readTimes);
    }
    if (readIndices != indices || !sameBits(readTimes, times))
        throw InvariantBroken("spikes change when packed and unpacked");
}

void rowRoundTrip(FuzzBytes& bytes) {
    const size_t columns = bytes.byte() % 8;
    std::vector<double> times, values;
    while (bytes.remaining() >= sizeof(double) * (columns + 1)) {
        times.push_back(bytes.value<double>());
        for (size_t c = 0; c < columns; ++c)
            values.push_back(bytes.value<double>());
    }
    std::vector<std::byte> blob;
    ChunkCodec::packRows(times, values, columns, blob);
    std::vector<double> readTimes, readValues;
    ChunkCodec::unpackRows(blob, columns, readTimes, readValues);
    if (!sameBits(readTimes, times) || !sameBits(readValues, values))
        throw InvariantBroken("rows change when packed and unpacked");
}

/// A monitor's counts (never negative, as the engine makes them): unchanged.
void countRoundTrip(FuzzBytes& bytes) {
    std::vector<std::int64_t> counts;
    while (bytes.remaining() >= sizeof(std::int64_t))
        counts.push_back(bytes.value<std::int64_t>() & std::numeric_limits<std::int64_t>::max());
    std::vector<std::byte> blob;
    ChunkCodec::packCounts(counts, blob);
    std::vector<std::int64_t> read(counts.size(), 0);
    ChunkCodec::unpackCounts(blob, read);
    if (read != counts)
        throw InvariantBroken("counts change when packed and unpacked");
}

} // namespace

void fuzzChunkCodec(std::span<const std::uint8_t> input) {
    FuzzBytes bytes(input);
    const auto mode = static_cast<Mode>(bytes.choice(static_cast<size_t>(Mode::Count)));
    if (mode == Mode::SpikeRoundTrip)
        spikeRoundTrip(bytes);
    else if (mode == Mode::RowRoundTrip)
        rowRoundTrip(bytes);
    else if (mode == Mode::CountRoundTrip)
        countRoundTrip(bytes);
    else
        unpack(mode, bytes);
}

} // namespace spikestudio::fuzz
