#pragma once

#include <string>

namespace spikestudio {

/// Checks on a project's path made before SQLite touches it, so that a
/// foreign, read-only or unreachable file is refused with a clear message
/// and left exactly as it was.
class PathChecks {
public:
    /// Throws StorageError unless `path` can be created or written, and its
    /// directory can hold SQLite's journal files. A file or directory without
    /// any write permission bit counts as read-only even for root.
    static void requireWritable(const std::string& path);
    /// Throws StorageError unless `path` is an existing, readable regular file.
    static void requireReadable(const std::string& path);
    /// Throws StorageError unless the file starts with SQLite's header
    /// (an empty file passes: SQLite treats it as an empty database).
    static void requireSqliteHeader(const std::string& path);
    /// Whether the file starts with SQLite's header (how a project is told
    /// from a model file whatever its name).
    static bool hasSqliteHeader(const std::string& path);

    static bool exists(const std::string& path);
    static bool isWritable(const std::string& path);
    static bool directoryWritable(const std::string& path);
    /// `path` as a `file:` URI (percent-encoding what URIs reserve), for query parameters.
    static std::string fileUri(const std::string& path);
};

} // namespace spikestudio
