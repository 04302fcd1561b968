#pragma once

#include <QByteArray>
#include <QString>

namespace spikestudio {

/// A file that lives in memory only (memfd), with a path Qt's writers can
/// open by name (/proc/self/fd/N). Image and PDF writers ignore some write
/// errors; rendering here and then copying the bytes through an
/// AtomicOutputFile, which checks every write, keeps a full disk from
/// leaving a truncated figure behind.
class MemoryFile {
public:
    /// Throws std::runtime_error when the system cannot make one.
    MemoryFile();
    ~MemoryFile();
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    QString path() const;
    /// Everything written to the file so far.
    QByteArray contents() const;

private:
    int descriptor_ = -1;
};

} // namespace spikestudio
