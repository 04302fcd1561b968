// libFuzzer entry point; SPIKESTUDIO_FUZZ_TARGET names the target function
// (fuzz/CMakeLists.txt builds one executable per target from this file).
#include "FuzzTargets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
    spikestudio::fuzz::SPIKESTUDIO_FUZZ_TARGET({data, size});
    return 0;
}
