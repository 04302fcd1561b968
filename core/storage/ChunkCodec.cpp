#include "storage/ChunkCodec.h"

#include "storage/LittleEndian.h"
#include "storage/StorageError.h"

#include <cmath>
#include <limits>
#include <optional>

namespace spikestudio {

namespace {

constexpr size_t kStepSpikeBytes = 8;
constexpr size_t kTimeSpikeBytes = 12;

void appendVarint(std::uint64_t value, std::vector<std::byte>& out) {
    while (value >= 0x80) {
        out.push_back(static_cast<std::byte>((value & 0x7f) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<std::byte>(value));
}

std::uint64_t readVarint(std::span<const std::byte> blob, size_t& offset) {
    std::uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (offset >= blob.size())
            break;
        const auto byte = std::to_integer<std::uint64_t>(blob[offset++]);
        value |= (byte & 0x7f) << shift;
        if (byte < 0x80)
            return value;
    }
    throw StorageError("a spike chunk ends inside a number (corrupt data)");
}

/// The time step of `t` when t is exactly step * dt (as Clock::t() makes it).
std::optional<std::int64_t> exactStep(double t, double dt) {
    const double step = std::round(t / dt);
    if (!(dt > 0.0) || step < 0.0 || step > std::numeric_limits<std::int32_t>::max() ||
        step * dt != t)
        return std::nullopt;
    return static_cast<std::int64_t>(step);
}

void requireMultiple(std::span<const std::byte> blob, size_t unit) {
    if (unit == 0 || blob.size() % unit != 0)
        throw StorageError("a result chunk has a size that does not fit its format (corrupt data)");
}

} // namespace

bool ChunkCodec::packSpikeStepRuns(std::span<const std::int32_t> indices,
                                   std::span<const double> times, double dt,
                                   std::vector<std::byte>& out) {
    out.clear();
    std::int64_t previous = 0;
    for (size_t first = 0; first < indices.size();) {
        // Spikes come in time order; those of one step share its header.
        const auto step = exactStep(times[first], dt);
        if (!step || *step < previous) {
            out.clear();
            return false;
        }
        size_t last = first + 1;
        while (last < indices.size() && times[last] == times[first])
            ++last;
        appendVarint(static_cast<std::uint64_t>(*step - previous), out);
        appendVarint(last - first, out);
        for (size_t k = first; k < last; ++k) {
            if (indices[k] < 0) {
                out.clear();
                return false;
            }
            appendVarint(static_cast<std::uint64_t>(indices[k]), out);
        }
        previous = *step;
        first = last;
    }
    return true;
}

void ChunkCodec::packSpikeTimes(std::span<const std::int32_t> indices,
                                std::span<const double> times, std::vector<std::byte>& out) {
    out.resize(indices.size() * kTimeSpikeBytes);
    std::byte* cursor = out.data();
    for (size_t k = 0; k < indices.size(); ++k, cursor += kTimeSpikeBytes) {
        storeLittleEndian(cursor, indices[k]);
        storeLittleEndian(cursor + 4, times[k]);
    }
}

void ChunkCodec::packCounts(std::span<const std::int64_t> counts, std::vector<std::byte>& out) {
    out.resize(counts.size() * sizeof(std::int64_t));
    for (size_t k = 0; k < counts.size(); ++k)
        storeLittleEndian(out.data() + k * sizeof(std::int64_t), counts[k]);
}

void ChunkCodec::packRows(std::span<const double> times, std::span<const double> values,
                          size_t columns, std::vector<std::byte>& out) {
    out.resize(times.size() * (columns + 1) * sizeof(double));
    std::byte* cursor = out.data();
    for (size_t row = 0; row < times.size(); ++row) {
        storeLittleEndian(cursor, times[row]);
        cursor += sizeof(double);
        for (size_t c = 0; c < columns; ++c, cursor += sizeof(double))
            storeLittleEndian(cursor, values[row * columns + c]);
    }
}

void ChunkCodec::unpackSpikeStepRuns(std::span<const std::byte> blob, double dt,
                                     std::vector<std::int32_t>& indices,
                                     std::vector<double>& times) {
    std::uint64_t step = 0;
    for (size_t offset = 0; offset < blob.size();) {
        step += readVarint(blob, offset);
        const std::uint64_t count = readVarint(blob, offset);
        if (step > static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()) ||
            count > blob.size() - offset)
            throw StorageError("a spike chunk holds an impossible step or count (corrupt data)");
        const double t = static_cast<double>(step) * dt;
        for (std::uint64_t k = 0; k < count; ++k) {
            const std::uint64_t index = readVarint(blob, offset);
            if (index > static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max()))
                throw StorageError("a spike chunk holds an impossible index (corrupt data)");
            indices.push_back(static_cast<std::int32_t>(index));
            times.push_back(t);
        }
    }
}

void ChunkCodec::unpackSpikeSteps(std::span<const std::byte> blob, double dt,
                                  std::vector<std::int32_t>& indices, std::vector<double>& times) {
    requireMultiple(blob, kStepSpikeBytes);
    for (size_t offset = 0; offset < blob.size(); offset += kStepSpikeBytes) {
        indices.push_back(loadLittleEndian<std::int32_t>(blob.data() + offset));
        times.push_back(
            static_cast<double>(loadLittleEndian<std::int32_t>(blob.data() + offset + 4)) * dt);
    }
}

void ChunkCodec::unpackSpikeTimes(std::span<const std::byte> blob,
                                  std::vector<std::int32_t>& indices, std::vector<double>& times) {
    requireMultiple(blob, kTimeSpikeBytes);
    for (size_t offset = 0; offset < blob.size(); offset += kTimeSpikeBytes) {
        indices.push_back(loadLittleEndian<std::int32_t>(blob.data() + offset));
        times.push_back(loadLittleEndian<double>(blob.data() + offset + 4));
    }
}

void ChunkCodec::unpackRows(std::span<const std::byte> blob, size_t columns,
                            std::vector<double>& times, std::vector<double>& values) {
    if (columns >= std::numeric_limits<size_t>::max() / sizeof(double))
        throw StorageError("a result chunk has more columns than can be stored (corrupt data)");
    const size_t rowBytes = (columns + 1) * sizeof(double);
    requireMultiple(blob, rowBytes);
    for (size_t offset = 0; offset < blob.size(); offset += rowBytes) {
        times.push_back(loadLittleEndian<double>(blob.data() + offset));
        for (size_t c = 0; c < columns; ++c)
            values.push_back(
                loadLittleEndian<double>(blob.data() + offset + (c + 1) * sizeof(double)));
    }
}

size_t ChunkCodec::unpackCounts(std::span<const std::byte> blob,
                                std::vector<std::int64_t>& counts) {
    requireMultiple(blob, sizeof(std::int64_t));
    const size_t neurons = blob.size() / sizeof(std::int64_t);
    if (neurons != counts.size())
        throw StorageError("a chunk of spike counts has " + std::to_string(neurons) +
                           " neurons, its monitor " + std::to_string(counts.size()) +
                           " (corrupt data)");
    for (size_t k = 0; k < neurons; ++k) {
        const auto count = loadLittleEndian<std::int64_t>(blob.data() + k * sizeof(std::int64_t));
        if (count < 0)
            throw StorageError("a chunk of spike counts holds a negative count (corrupt data)");
        counts[k] += count;
    }
    return neurons;
}

} // namespace spikestudio
