#include "storage/PathChecks.h"

#include "storage/StorageError.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace spikestudio {

namespace {

std::string directoryOf(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

/// access() says yes to root for everything; a file with no write bit at
/// all was made read-only on purpose, so respect that too.
bool writable(const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0)
        return false;
    return access(path.c_str(), W_OK) == 0 && (info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

} // namespace

bool PathChecks::exists(const std::string& path) {
    struct stat info {};
    return stat(path.c_str(), &info) == 0;
}

bool PathChecks::isWritable(const std::string& path) {
    return writable(path);
}

bool PathChecks::directoryWritable(const std::string& path) {
    return writable(directoryOf(path));
}

void PathChecks::requireReadable(const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0)
        throw StorageError(path + ": no such project file");
    if (!S_ISREG(info.st_mode))
        throw StorageError(path + ": not a project file (not a regular file)");
    if (access(path.c_str(), R_OK) != 0)
        throw StorageError(path + ": cannot read the project file (permission denied)");
}

void PathChecks::requireWritable(const std::string& path) {
    const std::string directory = directoryOf(path);
    if (exists(path)) {
        requireReadable(path);
        if (!writable(path))
            throw StorageError(path + ": the project file is read-only; it was not changed");
    } else if (!exists(directory)) {
        throw StorageError(path + ": cannot create the project: the directory " + directory +
                           " does not exist");
    }
    if (!writable(directory))
        throw StorageError(path + ": the directory " + directory +
                           " is read-only (SQLite keeps its journal beside the project); the "
                           "project was not changed");
}

namespace {

constexpr char kSqliteHeader[] = "SQLite format 3"; // 16 bytes with its NUL

/// How many of the header's bytes the file has (0 for an empty or unreadable
/// file, and for anything but a regular file: opening a pipe would wait for a
/// writer forever), and whether they all match.
std::pair<std::streamsize, bool> readSqliteHeader(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return {0, false};
    std::ifstream in(path, std::ios::binary);
    std::array<char, sizeof(kSqliteHeader)> bytes{};
    in.read(bytes.data(), bytes.size());
    const std::streamsize got = in.gcount();
    return {got, got == static_cast<std::streamsize>(bytes.size()) &&
                     std::equal(bytes.begin(), bytes.end(), kSqliteHeader)};
}

} // namespace

bool PathChecks::hasSqliteHeader(const std::string& path) {
    return readSqliteHeader(path).second;
}

void PathChecks::requireSqliteHeader(const std::string& path) {
    const auto [got, matches] = readSqliteHeader(path);
    if (got == 0)
        return;
    if (!matches)
        throw StorageError(path +
                           ": not a Spike Studio project (not an SQLite database); the file was "
                           "not changed");
}

std::string PathChecks::fileUri(const std::string& path) {
    std::string uri = "file:";
    for (unsigned char c : std::filesystem::absolute(path).string()) {
        if (c == '?' || c == '#' || c == '%' || c < 0x20 || c >= 0x7f) {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            uri += escaped;
        } else {
            uri += static_cast<char>(c);
        }
    }
    return uri;
}

} // namespace spikestudio
