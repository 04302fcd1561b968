#include "memory/MemoryBudget.h"

#include "diagnostics/ModelError.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <unistd.h>

namespace spikestudio {

namespace {

constexpr double kTwoTo63 = 9223372036854775808.0;

/// Three quarters of physical memory, for systems without /proc/meminfo.
std::uint64_t physicalMemoryFallback() {
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return 0;
    return static_cast<std::uint64_t>(pages) / 4 * 3 * static_cast<std::uint64_t>(pageSize);
}

std::optional<std::uint64_t> memAvailable() {
    std::ifstream meminfo("/proc/meminfo");
    std::string key;
    std::uint64_t kibibytes = 0;
    std::string unit;
    while (meminfo >> key >> kibibytes >> unit)
        if (key == "MemAvailable:")
            return kibibytes * 1024;
    return std::nullopt;
}

/// The variable's text fit for a one-line message: short, printable.
std::string quoted(std::string_view text) {
    std::string shown;
    for (char c : text.substr(0, 40))
        shown += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
    return "'" + shown + (text.size() > 40 ? "...'" : "'");
}

} // namespace

std::optional<double> parseMemorySize(std::string_view text) {
    size_t at = 0;
    double number = 0.0;
    bool digits = false;
    for (; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]));
         ++at, digits = true)
        number = number * 10 + (text[at] - '0');
    if (at < text.size() && text[at] == '.') {
        double scale = 0.1;
        for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]));
             ++at, digits = true, scale /= 10)
            number += (text[at] - '0') * scale;
    }
    if (!digits)
        return std::nullopt;
    std::string suffix;
    for (; at < text.size(); ++at)
        suffix += static_cast<char>(std::toupper(static_cast<unsigned char>(text[at])));
    double multiple = 1.0;
    const std::string units = "KMGT";
    if (!suffix.empty() && suffix != "B") {
        const size_t power = units.find(suffix[0]);
        const std::string rest = suffix.substr(1);
        if (power == std::string::npos || !(rest.empty() || rest == "B" || rest == "IB"))
            return std::nullopt;
        multiple = std::ldexp(1.0, 10 * static_cast<int>(power + 1));
    }
    const double bytes = std::floor(number * multiple);
    if (!(bytes >= 1.0) || bytes >= kTwoTo63)
        return std::nullopt;
    return bytes;
}

std::uint64_t availableMemoryBytes() {
    if (const auto available = memAvailable())
        return *available;
    return physicalMemoryFallback();
}

MemoryLimit currentMemoryLimit() {
    if (const char* text = std::getenv(kMemoryLimitVariable); text && *text) {
        const auto bytes = parseMemorySize(text);
        if (!bytes)
            throw ModelError({kMemoryLimitVariable, "", 0, 0},
                             "expected a size such as 512M or 4G, got " + quoted(text));
        return {*bytes, true};
    }
    return {std::floor(static_cast<double>(availableMemoryBytes()) * 0.9), false};
}

std::string MemoryLimit::describe() const {
    return fromEnvironment ? std::string(kMemoryLimitVariable) + " allows " + formatBytes(bytes)
                           : "this machine can give " + formatBytes(bytes);
}

double MemoryBudget::remaining() const {
    if (limit_.bytes <= 0.0)
        return std::numeric_limits<double>::infinity();
    return std::max(0.0, limit_.bytes - claimed_);
}

void MemoryBudget::claim(double bytes, const std::string& object, const std::string& field,
                         const std::string& what) {
    if (!fits(bytes))
        refuse(bytes, object, field, what);
    claimed_ += bytes;
}

void MemoryBudget::release(double bytes) {
    claimed_ = std::max(0.0, claimed_ - bytes);
}

void MemoryBudget::refuse(double bytes, const std::string& object, const std::string& field,
                          const std::string& what) const {
    std::string problem = what + " would need " + formatBytes(bytes);
    if (claimed_ > 0.0)
        problem += " (the whole model " + formatBytes(claimed_ + bytes) + ")";
    throw ModelError({object, field, 0, 0}, problem + "; " + limit_.describe());
}

} // namespace spikestudio
