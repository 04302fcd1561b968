#include "StandardStreams.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace spikestudio {

namespace {

/// Flushes the C++ stream and the C stream beneath it; false when any write failed.
bool flushed(std::ostream& stream, std::FILE* file) {
    stream.flush();
    const bool written = std::fflush(file) == 0 && !std::ferror(file);
    return written && !stream.fail();
}

} // namespace

int exitStatusAfterFlushing(int status) {
    errno = 0;
    if (!flushed(std::cout, stdout)) {
        const int error = errno;
        std::cerr << "error: cannot write to standard output"
                  << (error ? std::string(": ") + std::strerror(error) : std::string()) << "\n";
        flushed(std::cerr, stderr);
        return 1;
    }
    if (!flushed(std::cerr, stderr))
        return 1;
    return status;
}

} // namespace spikestudio
