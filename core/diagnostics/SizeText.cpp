#include "diagnostics/SizeText.h"

#include <cstdio>
#include <string>

namespace spikestudio {

std::string formatBytes(double bytes) {
    static const char* const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (!(bytes >= 1024.0)) {
        char text[48];
        std::snprintf(text, sizeof text, "%.0f bytes", bytes);
        return text;
    }
    int unit = -1;
    while (bytes >= 1024.0 && unit < 5) {
        bytes /= 1024.0;
        ++unit;
    }
    char text[48];
    std::snprintf(text, sizeof text, "%.1f %s", bytes, units[unit]);
    return text;
}

std::string formatCount(double count) {
    char text[48];
    if (count < 1e7)
        std::snprintf(text, sizeof text, "%.0f", count);
    else
        std::snprintf(text, sizeof text, "%.2g", count);
    std::string result = text;
    const size_t e = result.find('e');
    if (e == std::string::npos)
        return result;
    size_t digits = e + 1;
    if (result[digits] == '+')
        result.erase(digits, 1);
    else if (result[digits] == '-')
        ++digits;
    while (digits + 1 < result.size() && result[digits] == '0')
        result.erase(digits, 1);
    return result;
}

} // namespace spikestudio
