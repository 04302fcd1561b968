#include "FuzzBytes.h"
#include "FuzzTargets.h"
#include "storage/ChunkCodec.h"
#include "storage/StorageError.h"

#include <cstring>

namespace spikestudio::fuzz {

namespace {

enum class Mode { StepRuns, Steps, Times, Rows, SpikeRoundTrip, RowRoundTrip, Count };

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

} // namespace

void fuzzChunkCodec(std::span<const std::uint8_t> input) {
    FuzzBytes bytes(input);
    const auto mode = static_cast<Mode>(bytes.choice(static_cast<size_t>(Mode::Count)));
    if (mode == Mode::SpikeRoundTrip)
        spikeRoundTrip(bytes);
    else if (mode == Mode::RowRoundTrip)
        rowRoundTrip(bytes);
    else
        unpack(mode, bytes);
}

} // namespace spikestudio::fuzz
