#include "plots/MemoryFile.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace spikestudio {

MemoryFile::MemoryFile() : descriptor_(::memfd_create("spikestudio-figure", MFD_CLOEXEC)) {
    if (descriptor_ < 0)
        throw std::runtime_error(std::string("cannot draw the figure in memory: ") +
                                 std::strerror(errno));
}

MemoryFile::~MemoryFile() {
    ::close(descriptor_);
}

QString MemoryFile::path() const {
    return QStringLiteral("/proc/self/fd/%1").arg(descriptor_);
}

QByteArray MemoryFile::contents() const {
    struct stat info {};
    if (::fstat(descriptor_, &info) != 0)
        throw std::runtime_error("cannot read the figure drawn in memory");
    QByteArray bytes(static_cast<qsizetype>(info.st_size), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t got = ::pread(descriptor_, bytes.data() + done,
                                    static_cast<size_t>(bytes.size() - done), done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            throw std::runtime_error("cannot read the figure drawn in memory");
        done += got;
    }
    return bytes;
}

} // namespace spikestudio
