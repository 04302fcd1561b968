#include "engine/NativeObjectCache.h"

#include "engine/CacheFiles.h"
#include "engine/Sha256.h"

#include <algorithm>
#include <sstream>

namespace spikestudio {

namespace fs = std::filesystem;

namespace {

constexpr const char* kRecordHeader = "spikestudio native kernel 1";
constexpr std::size_t kMaxRecordBytes = 1024;
constexpr std::size_t kMaxSourceBytes = 64u << 20;

/// What the record says about the entry's source and object.
struct Record {
    std::string sourceHash;
    std::string objectHash;
    std::size_t objectSize = 0;

    std::string text() const {
        return std::string(kRecordHeader) + "\nsource " + sourceHash + "\nobject " + objectHash +
               " " + std::to_string(objectSize) + "\n";
    }

    /// The record in `text`, if it is exactly in the form text() writes.
    static std::optional<Record> parse(const std::string& text) {
        std::istringstream lines(text);
        std::string header, sourceWord, objectWord;
        Record record;
        if (!std::getline(lines, header) || header != kRecordHeader ||
            !(lines >> sourceWord >> record.sourceHash >> objectWord >> record.objectHash >>
              record.objectSize) ||
            sourceWord != "source" || objectWord != "object")
            return std::nullopt;
        const Record canonical = record;
        if (canonical.text() != text) // nothing more, nothing less
            return std::nullopt;
        return record;
    }
};

} // namespace

std::optional<std::string> NativeObjectCache::find(const std::string& key,
                                                   const std::string& source,
                                                   std::string* problem) const {
    const std::optional<std::string> recordText =
        readRegularFile(fileOf(key, ".sha256"), kMaxRecordBytes);
    std::error_code unknown; // treated as "there is something": removed below
    if (!recordText && !fs::exists(fs::symlink_status(fileOf(key, ".so"), unknown)) && !unknown)
        return std::nullopt; // never built
    auto reject = [&](const char* why) {
        if (problem)
            *problem = why;
        remove(key);
        return std::optional<std::string>();
    };
    const std::optional<Record> record = recordText ? Record::parse(*recordText) : std::nullopt;
    if (!record)
        return reject("its record is missing or unreadable");
    if (record->sourceHash != sha256Hex(source) ||
        readRegularFile(fileOf(key, ".c"), kMaxSourceBytes) != source)
        return reject("it was compiled from another source");
    std::optional<std::string> object =
        readRegularFile(fileOf(key, ".so"), std::min(record->objectSize, kMaxObjectBytes));
    if (!object || object->size() != record->objectSize || sha256Hex(*object) != record->objectHash)
        return reject("the object is not the one compiled (changed, truncated or replaced)");
    return object;
}

void NativeObjectCache::store(const std::string& key, const std::string& source,
                              const std::string& object, const fs::path& sourceFile,
                              const fs::path& objectFile) const {
    const Record record{sha256Hex(source), sha256Hex(object), object.size()};
    const fs::path recordFile = objectFile.parent_path() / "record";
    writeNewFile(recordFile, record.text());
    // The record last: a reader that finds it finds the files it describes.
    fs::rename(sourceFile, fileOf(key, ".c"));
    fs::rename(objectFile, fileOf(key, ".so"));
    fs::rename(recordFile, fileOf(key, ".sha256"));
}

void NativeObjectCache::remove(const std::string& key) const {
    std::error_code ignored;
    for (const char* extension : {".sha256", ".so", ".c"})
        fs::remove_all(fileOf(key, extension), ignored); // never follows a link
}

} // namespace spikestudio
