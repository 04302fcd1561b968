#include "storage/LockHolder.h"

#include "diagnostics/PrintableText.h"

#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include <vector>

namespace spikestudio {

namespace {

/// The byte range SQLite locks in a file: for the -shm file, the write-ahead
/// log's write, checkpoint, recovery and read locks (bytes 120-127); for the
/// database file, the rollback journal's pending, reserved and shared bytes.
struct LockedRange {
    std::string path;
    unsigned long long first;
    unsigned long long last;
};

struct FileIdentity {
    unsigned major;
    unsigned minor;
    unsigned long long inode;
};

std::optional<FileIdentity> identify(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return std::nullopt;
    return FileIdentity{::major(info.st_dev), ::minor(info.st_dev),
                        static_cast<unsigned long long>(info.st_ino)};
}

/// One line of /proc/locks: "1: POSIX  ADVISORY  WRITE 4242 fe:00:1234 120 120".
struct LockLine {
    bool write = false;
    long pid = 0;
    FileIdentity file{};
    unsigned long long first = 0;
    unsigned long long last = 0;
};

std::optional<LockLine> parseLockLine(const std::string& line) {
    std::istringstream in(line);
    std::string number, kind, advisory, mode, device, end;
    LockLine lock;
    if (!(in >> number >> kind >> advisory >> mode >> lock.pid >> device >> lock.first >> end))
        return std::nullopt;
    lock.write = mode == "WRITE";
    if (end == "EOF")
        lock.last = ~0ULL;
    else if (std::sscanf(end.c_str(), "%llu", &lock.last) != 1)
        return std::nullopt;
    if (std::sscanf(device.c_str(), "%x:%x:%llu", &lock.file.major, &lock.file.minor,
                    &lock.file.inode) != 3)
        return std::nullopt;
    return lock;
}

std::string processName(long pid) {
    std::ifstream comm("/proc/" + std::to_string(pid) + "/comm");
    std::string name;
    std::getline(comm, name);
    return name.empty() ? "" : " (" + printable(name) + ")";
}

} // namespace

std::string LockHolder::describe(const std::string& databasePath) {
    const std::vector<LockedRange> ranges{{databasePath + "-shm", 120, 127},
                                          {databasePath, 0x40000000ULL, 0x400001ffULL}};
    std::vector<std::pair<FileIdentity, const LockedRange*>> files;
    for (const LockedRange& range : ranges)
        if (const auto identity = identify(range.path))
            files.emplace_back(*identity, &range);
    std::ifstream locks("/proc/locks");
    std::optional<long> reader;
    for (std::string line; std::getline(locks, line);) {
        const std::optional<LockLine> lock = parseLockLine(line);
        if (!lock || lock->pid <= 0 || lock->pid == ::getpid())
            continue;
        for (const auto& [file, range] : files) {
            const bool sameFile = file.major == lock->file.major &&
                                  file.minor == lock->file.minor && file.inode == lock->file.inode;
            if (!sameFile || lock->last < range->first || lock->first > range->last)
                continue;
            if (lock->write)
                return "process " + std::to_string(lock->pid) + processName(lock->pid);
            reader = lock->pid;
        }
    }
    return reader ? "process " + std::to_string(*reader) + processName(*reader) : "";
}

} // namespace spikestudio
