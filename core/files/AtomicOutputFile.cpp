#include "files/AtomicOutputFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace spikestudio {

namespace {

/// Words a user can act on for the usual reasons a write fails.
std::string reason(int error) {
    switch (error) {
    case ENOSPC:
        return "the disk is full";
    case EDQUOT:
        return "the disk quota is exhausted";
    case EFBIG:
        return "the file would be larger than allowed";
    case EROFS:
        return "the file system is read-only";
    case EACCES:
    case EPERM:
        return "permission denied";
    case ENOENT:
        return "the folder does not exist";
    case ENOTDIR:
        return "a part of the path is not a folder";
    default:
        return std::strerror(error);
    }
}

/// 20 characters from 100 random bits: never guessed in advance.
std::string randomSuffix() {
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::random_device device;
    std::string suffix;
    for (int word = 0; word < 4; ++word) {
        std::uint32_t bits = device();
        for (int k = 0; k < 5; ++k, bits >>= 5)
            suffix += kAlphabet[bits & 31u];
    }
    return suffix;
}

/// A prefix of `name` cut at a character boundary, so the temporary tells
/// what it was for and still fits in a file name.
std::string shortened(const std::string& name, size_t bytes) {
    if (name.size() <= bytes)
        return name;
    while (bytes > 0 && (static_cast<unsigned char>(name[bytes]) & 0xc0) == 0x80)
        --bytes;
    return name.substr(0, bytes);
}

} // namespace

AtomicOutputFile::AtomicOutputFile(std::string path) : path_(std::move(path)) {
    if (path_.empty())
        throw std::runtime_error("cannot write a file without a name");
    const std::filesystem::path split(path_);
    name_ = split.filename().string();
    directory_ = split.parent_path().empty() ? "." : split.parent_path().string();
    if (name_.empty() || name_ == "." || name_ == "..")
        fail("it names a folder, not a file");
    refuseUnusableTarget();
    directoryDescriptor_ = ::open(directory_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directoryDescriptor_ < 0)
        fail(errno == ENOENT ? "the folder " + directory_ + " does not exist"
                             : "cannot open the folder " + directory_ + " (" + reason(errno) + ")");
    try {
        createTemporary();
        buffer_ = std::make_unique<DescriptorStreamBuffer>(descriptor_);
    } catch (...) {
        if (descriptor_ >= 0) {
            ::close(descriptor_);
            ::unlinkat(directoryDescriptor_, temporaryName_.c_str(), 0);
        }
        ::close(directoryDescriptor_);
        throw;
    }
    stream_.rdbuf(buffer_.get());
}

AtomicOutputFile::~AtomicOutputFile() {
    if (descriptor_ >= 0)
        ::close(descriptor_);
    if (!committed_ && !temporaryName_.empty())
        ::unlinkat(directoryDescriptor_, temporaryName_.c_str(), 0);
    if (directoryDescriptor_ >= 0)
        ::close(directoryDescriptor_);
}

void AtomicOutputFile::fail(const std::string& why) const {
    struct stat info {};
    const bool earlier = ::lstat(path_.c_str(), &info) == 0 && S_ISREG(info.st_mode);
    throw std::runtime_error("cannot write " + path_ + ": " + why +
                             (earlier ? "; the earlier file is unchanged" : ""));
}

void AtomicOutputFile::refuseUnusableTarget() const {
    struct stat info {};
    if (::lstat(path_.c_str(), &info) != 0)
        return;
    if (S_ISLNK(info.st_mode))
        fail("it is a symbolic link, which is not followed; remove it or choose another name");
    if (S_ISDIR(info.st_mode))
        fail("it is a folder");
    if (!S_ISREG(info.st_mode))
        fail("it is not a regular file (a device, pipe or socket)");
}

void AtomicOutputFile::createTemporary() {
    constexpr int kAttempts = 16;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const std::string candidate =
            "." + shortened(name_, 64) + "." + randomSuffix() + ".partial";
        descriptor_ = ::openat(directoryDescriptor_, candidate.c_str(),
                               O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (descriptor_ >= 0) {
            temporaryName_ = candidate;
            temporaryPath_ = (std::filesystem::path(directory_) / candidate).string();
            return;
        }
        if (errno != EEXIST)
            fail(reason(errno));
    }
    fail("no unused temporary name in " + directory_);
}

void AtomicOutputFile::flushAndClose() {
    stream_.flush();
    if (buffer_->error() != 0)
        fail(reason(buffer_->error()));
    if (!stream_)
        fail("the data could not be written");
    if (::fsync(descriptor_) != 0)
        fail(reason(errno));
    const int closed = ::close(descriptor_);
    descriptor_ = -1;
    if (closed != 0)
        fail(reason(errno));
}

void AtomicOutputFile::renameIntoPlace(Existing existing) {
    if (existing == Existing::Replace) {
        if (::renameat(directoryDescriptor_, temporaryName_.c_str(), directoryDescriptor_,
                       name_.c_str()) != 0)
            fail(reason(errno));
        return;
    }
    // No rename without replacing on every file system: a hard link refuses
    // an existing name, then the temporary's name goes.
    if (::linkat(directoryDescriptor_, temporaryName_.c_str(), directoryDescriptor_, name_.c_str(),
                 0) != 0)
        fail(errno == EEXIST ? "another program created it meanwhile" : reason(errno));
    ::unlinkat(directoryDescriptor_, temporaryName_.c_str(), 0);
}

void AtomicOutputFile::commit(Existing existing) {
    if (committed_)
        return;
    flushAndClose();
    refuseUnusableTarget();
    renameIntoPlace(existing);
    committed_ = true;
    ::fsync(directoryDescriptor_); // the new name survives a power cut
}

} // namespace spikestudio
