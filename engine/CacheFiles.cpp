#include "engine/CacheFiles.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace spikestudio {

namespace {

/// Closes a descriptor when it goes out of scope.
class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0)
            close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

} // namespace

std::optional<std::string> readRegularFile(const std::filesystem::path& path, std::size_t limit) {
    // O_NONBLOCK: opening a FIFO planted under this name must not wait for a writer.
    const Descriptor file(open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
    struct stat status;
    if (file.get() < 0 || fstat(file.get(), &status) != 0 || !S_ISREG(status.st_mode) ||
        status.st_size < 0 || static_cast<std::size_t>(status.st_size) > limit)
        return std::nullopt;
    std::string bytes;
    char buffer[65536];
    while (true) {
        const ssize_t count = read(file.get(), buffer, sizeof buffer);
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0)
            return std::nullopt;
        if (count == 0)
            return bytes;
        if (bytes.size() + static_cast<std::size_t>(count) > limit)
            return std::nullopt; // it grew while being read
        bytes.append(buffer, static_cast<std::size_t>(count));
    }
}

void writeNewFile(const std::filesystem::path& path, const std::string& bytes) {
    const Descriptor file(
        open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (file.get() < 0)
        throw std::runtime_error("cannot create " + path.string() + ": " + std::strerror(errno));
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t count = write(file.get(), bytes.data() + written, bytes.size() - written);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0) {
            const std::string reason = std::strerror(count < 0 ? errno : ENOSPC);
            unlink(path.c_str());
            throw std::runtime_error("cannot write " + path.string() + ": " + reason);
        }
        written += static_cast<size_t>(count);
    }
}

} // namespace spikestudio
