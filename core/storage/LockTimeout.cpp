#include "storage/LockTimeout.h"

#include "diagnostics/PrintableText.h"
#include "storage/StorageError.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace spikestudio {

std::chrono::milliseconds LockTimeout::fromEnvironment() {
    const char* value = std::getenv(kVariable);
    if (!value)
        return kDefault;
    const std::string_view text(value);
    double seconds = -1.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(seconds) || seconds < 0.0 || seconds > 3600.0)
        throw StorageError(std::string(kVariable) + ": expected seconds from 0 to 3600, got '" +
                           printable(text) + "'");
    return std::chrono::milliseconds(std::llround(seconds * 1000.0));
}

} // namespace spikestudio
