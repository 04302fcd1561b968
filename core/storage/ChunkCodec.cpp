#include "storage/ChunkCodec.h"

#include "storage/LittleEndian.h"
#include "storage/StorageError.h"

#include <cmath>
#include <limits>

namespace spikestudio {

namespace {

constexpr size_t kStepSpikeBytes = 8;
constexpr size_t kTimeSpikeBytes = 12;

void requireMultiple(std::span<const std::byte> blob, size_t unit) {
    if (unit == 0 || blob.size() % unit != 0)
        throw StorageError("a result chunk has a size that does not fit its format (corrupt data)");
}

} // namespace

bool ChunkCodec::packSpikeSteps(std::span<const std::int32_t> indices,
                                std::span<const double> times, double dt,
                                std::vector<std::byte>& out) {
    out.resize(indices.size() * kStepSpikeBytes);
    std::byte* cursor = out.data();
    for (size_t k = 0; k < indices.size(); ++k, cursor += kStepSpikeBytes) {
        // Clock::t() is step * dt: the rounded quotient recovers the step, and
        // the product is checked so that reading back is bit-exact.
        const double step = std::round(times[k] / dt);
        if (!(dt > 0.0) || step < 0.0 || step > std::numeric_limits<std::int32_t>::max() ||
            step * dt != times[k]) {
            out.clear();
            return false;
        }
        storeLittleEndian(cursor, indices[k]);
        storeLittleEndian(cursor + 4, static_cast<std::int32_t>(step));
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
    const size_t rowBytes = (columns + 1) * sizeof(double);
    requireMultiple(blob, rowBytes);
    for (size_t offset = 0; offset < blob.size(); offset += rowBytes) {
        times.push_back(loadLittleEndian<double>(blob.data() + offset));
        for (size_t c = 0; c < columns; ++c)
            values.push_back(
                loadLittleEndian<double>(blob.data() + offset + (c + 1) * sizeof(double)));
    }
}

} // namespace spikestudio
