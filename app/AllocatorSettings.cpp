#include "AllocatorSettings.h"

#include <cstdlib>
#include <string_view>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace spikestudio {

namespace {

constexpr int kLargestHeapBlock = 32 << 20; // glibc's own ceiling for its dynamic threshold
constexpr int kFreeTopBeforeTrim = 256 << 20;

bool userTunesMalloc() {
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    return tunables && std::string_view(tunables).find("glibc.malloc.") != std::string_view::npos;
}

} // namespace

void keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    if (userTunesMalloc())
        return;
    mallopt(M_MMAP_THRESHOLD, kLargestHeapBlock);
    mallopt(M_TRIM_THRESHOLD, kFreeTopBeforeTrim);
#endif
}

} // namespace spikestudio
