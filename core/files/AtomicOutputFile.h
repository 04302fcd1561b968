#pragma once

#include "files/DescriptorStreamBuffer.h"

#include <memory>
#include <ostream>
#include <string>

namespace spikestudio {

/// An output file that appears complete or not at all. It is written to a
/// temporary in the same folder, created exclusively (O_CREAT | O_EXCL |
/// O_NOFOLLOW, so a planted file or symbolic link is never opened) under an
/// unpredictable name, then synced and renamed into place by commit(). Until
/// then, and whenever anything fails, an earlier file at the final name is
/// untouched; the temporary is removed unless committed.
///
/// Errors are std::runtime_error with one line naming the file and the
/// reason ("cannot write out/v.csv: the disk is full; ...").
class AtomicOutputFile {
public:
    /// What commit() does when a file already has the final name.
    enum class Existing { Replace, Keep };

    /// Creates the temporary beside `path`. Refuses a final name that is a
    /// folder, a symbolic link (never followed) or anything but a regular file.
    explicit AtomicOutputFile(std::string path);
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    /// Buffered writes into the temporary.
    std::ostream& stream() { return stream_; }
    const std::string& path() const { return path_; }
    /// For writers that open files by name (image writers, SQLite): the
    /// temporary, already created, empty.
    const std::string& temporaryPath() const { return temporaryPath_; }

    /// Flushes and syncs the temporary and renames it to path(). With Keep,
    /// a file that took the final name meanwhile is left alone and commit throws.
    void commit(Existing existing = Existing::Replace);

private:
    [[noreturn]] void fail(const std::string& why) const;
    void refuseUnusableTarget() const;
    void createTemporary();
    void flushAndClose();
    void renameIntoPlace(Existing existing);

    std::string path_;
    std::string directory_;
    std::string name_;
    std::string temporaryName_;
    std::string temporaryPath_;
    int directoryDescriptor_ = -1;
    int descriptor_ = -1;
    bool committed_ = false;
    std::unique_ptr<DescriptorStreamBuffer> buffer_;
    std::ostream stream_{nullptr};
};

} // namespace spikestudio
