#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace spikestudio {

/// The native tier's compiled kernels on disk, in a directory only this user
/// can change (see ensurePrivateDirectory). Each entry is three files named
/// by the kernel's key: the shared object (`<key>.so`), the C it was compiled
/// from (`<key>.c`) and a record (`<key>.sha256`, written last) holding the
/// SHA-256 of both and the object's size. An object is handed out only after
/// its bytes match the record and the record and stored C match the source
/// asked for; an entry that does not is removed.
class NativeObjectCache {
public:
    explicit NativeObjectCache(std::filesystem::path directory)
        : directory_(std::move(directory)) {}

    /// The verified object bytes stored under `key` for `source`. Nothing when
    /// there is no entry, or when it fails verification (then it is removed
    /// and `*problem` says why).
    std::optional<std::string> find(const std::string& key, const std::string& source,
                                    std::string* problem = nullptr) const;

    /// Stores a freshly built entry: `sourceFile` and `objectFile` (in a
    /// scratch directory of this cache) are renamed into place, with a record
    /// of `source` and `object`, their contents, written last.
    void store(const std::string& key, const std::string& source, const std::string& object,
               const std::filesystem::path& sourceFile,
               const std::filesystem::path& objectFile) const;

    /// Removes the entry's files (what exists of them).
    void remove(const std::string& key) const;

    /// The largest shared object the cache reads (a kernel is tens of kilobytes).
    static constexpr std::size_t kMaxObjectBytes = 64u << 20;

private:
    std::filesystem::path fileOf(const std::string& key, const char* extension) const {
        return directory_ / (key + extension);
    }

    std::filesystem::path directory_;
};

} // namespace spikestudio
