#include "engine/PrivateDirectory.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace spikestudio {

namespace fs = std::filesystem;

namespace {

std::string octal(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

/// mkdir for every missing component of the absolute `path`.
std::string createMissing(const fs::path& path) {
    fs::path prefix;
    for (const fs::path& component : path) {
        prefix /= component;
        if (mkdir(prefix.c_str(), 0700) != 0 && errno != EEXIST)
            return "cannot create " + prefix.string() + ": " + std::strerror(errno);
    }
    return {};
}

/// Why other users could change `directory` (one component of a real path), or "".
std::string whyUnsafe(const fs::path& directory, bool isTheDirectory) {
    struct stat status;
    if (lstat(directory.c_str(), &status) != 0)
        return "cannot examine " + directory.string() + ": " + std::strerror(errno);
    if (S_ISLNK(status.st_mode))
        return directory.string() + " changed into a symbolic link while it was checked";
    if (!S_ISDIR(status.st_mode))
        return directory.string() + " is not a directory";
    const uid_t self = geteuid();
    const bool owned = status.st_uid == self || (!isTheDirectory && status.st_uid == 0);
    if (!owned)
        return directory.string() + " belongs to user id " + std::to_string(status.st_uid) +
               ", not to you (user id " + std::to_string(self) + ")";
    const bool othersMayWrite = (status.st_mode & (S_IWGRP | S_IWOTH)) != 0;
    const bool sticky = (status.st_mode & S_ISVTX) != 0;
    if (othersMayWrite && (isTheDirectory || !sticky))
        return directory.string() + " is writable by other users (mode " + octal(status.st_mode) +
               ")";
    return {};
}

} // namespace

std::optional<fs::path> ensurePrivateDirectory(const fs::path& path, std::string* whyNot) {
    auto refuse = [&](std::string reason) {
        if (whyNot)
            *whyNot = std::move(reason);
        return std::optional<fs::path>();
    };
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error).lexically_normal();
    if (error || path.empty())
        return refuse("cannot use '" + path.string() + "' as a directory");
    if (std::string reason = createMissing(absolute); !reason.empty())
        return refuse(reason);
    const std::unique_ptr<char, decltype(&std::free)> real(realpath(absolute.c_str(), nullptr),
                                                           std::free);
    if (!real)
        return refuse("cannot resolve " + absolute.string() + ": " + std::strerror(errno));
    const fs::path resolved(real.get());
    fs::path prefix;
    for (auto component = resolved.begin(); component != resolved.end(); ++component) {
        prefix /= *component;
        const bool last = std::next(component) == resolved.end();
        if (std::string reason = whyUnsafe(prefix, last); !reason.empty())
            return refuse(reason);
    }
    return resolved;
}

} // namespace spikestudio
