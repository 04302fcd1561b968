#pragma once

#include <cstdint>
#include <ostream>
#include <span>

namespace spikestudio {

/// One-dimensional arrays in NumPy's .npy format, version 1.0, as
/// numpy.lib.format documents it: the magic string "\x93NUMPY", the version,
/// the header's length (2 bytes, little-endian), the header (a Python dict
/// literal with 'descr', 'fortran_order' and 'shape', padded with spaces and
/// ended by a newline so the values start at a multiple of 64 bytes), then the
/// values, little-endian. numpy.load reads them back bit for bit.
class NpyFile {
public:
    static void writeDoubles(std::ostream& out, std::span<const double> values);      // '<f8'
    static void writeInt32s(std::ostream& out, std::span<const std::int32_t> values); // '<i4'
};

} // namespace spikestudio
