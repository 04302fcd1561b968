#include "csv/NpyFile.h"

#include <array>
#include <bit>
#include <cstring>
#include <string>

namespace spikestudio {

namespace {

constexpr size_t kAlignment = 64;   // numpy >= 1.20 aligns the values to 64 bytes
constexpr size_t kPrefixBytes = 10; // magic (6), version (2), header length (2)

void writeHeader(std::ostream& out, const char* descr, size_t count) {
    std::string header = std::string("{'descr': '") + descr +
                         "', 'fortran_order': False, 'shape': (" + std::to_string(count) + ",), }";
    const size_t unpadded = kPrefixBytes + header.size() + 1;
    const size_t padded = (unpadded + kAlignment - 1) / kAlignment * kAlignment;
    header.append(padded - unpadded, ' ');
    header += '\n';
    out.write("\x93NUMPY\x01\x00", 8);
    out.put(static_cast<char>(header.size() & 0xff));
    out.put(static_cast<char>(header.size() >> 8));
    out << header;
}

/// The values' bytes, least significant first, whatever the machine's order.
template <typename Value> void writeLittleEndian(std::ostream& out, std::span<const Value> values) {
    if constexpr (std::endian::native == std::endian::little) {
        out.write(reinterpret_cast<const char*>(values.data()),
                  static_cast<std::streamsize>(values.size() * sizeof(Value)));
    } else {
        for (const Value& value : values) {
            std::array<char, sizeof(Value)> bytes;
            std::memcpy(bytes.data(), &value, sizeof(Value));
            for (size_t k = sizeof(Value); k-- > 0;)
                out.put(bytes[k]);
        }
    }
}

} // namespace

void NpyFile::writeDoubles(std::ostream& out, std::span<const double> values) {
    writeHeader(out, "<f8", values.size());
    writeLittleEndian(out, values);
}

void NpyFile::writeInt32s(std::ostream& out, std::span<const std::int32_t> values) {
    writeHeader(out, "<i4", values.size());
    writeLittleEndian(out, values);
}

} // namespace spikestudio
