#pragma once

namespace spikestudio {

/// What a file format can do, as flags (after Tiled's FileFormat::Capabilities).
enum class FormatCapability : unsigned {
    None = 0,
    Read = 1,      // opened as it is: File > Open, `spikestudio FILE`
    Write = 2,     // saved as it is: File > Save As
    Import = 4,    // translated from another program's file: opens as a new, unsaved model
    KeepsRuns = 8, // runs made with the model are recorded into the file
};

constexpr FormatCapability operator|(FormatCapability a, FormatCapability b) {
    return FormatCapability(unsigned(a) | unsigned(b));
}

/// Whether `held` includes every flag of `wanted`.
constexpr bool includes(FormatCapability held, FormatCapability wanted) {
    return (unsigned(held) & unsigned(wanted)) == unsigned(wanted);
}

} // namespace spikestudio
