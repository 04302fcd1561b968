#include "runtime/MemoryBudget.h"

#include "diagnostics/ModelError.h"

#include <cstdio>
#include <unistd.h>

namespace spikestudio {

std::uint64_t physicalMemoryBytes() {
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return 0;
    return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
}

namespace {
std::string gibibytes(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GiB", bytes / (1024.0 * 1024.0 * 1024.0));
    return text;
}
} // namespace

void MemoryBudget::claim(double bytes, const std::string& object, const std::string& field,
                         const std::string& what) {
    claimed_ += bytes;
    if (limit_ == 0 || claimed_ <= static_cast<double>(limit_))
        return;
    throw ModelError({object, field, 0, 0}, what + " would need " + gibibytes(bytes) +
                                                " (the whole model " + gibibytes(claimed_) +
                                                "), more than the " + gibibytes(limit_) +
                                                " this machine can give");
}

} // namespace spikestudio
