#include "engine/ScratchDirectory.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

namespace spikestudio {

namespace {
constexpr const char* kPrefix = "build-";
} // namespace

ScratchDirectory::ScratchDirectory(const std::filesystem::path& parent) {
    std::string name = (parent / (std::string(kPrefix) + "XXXXXX")).string();
    if (!mkdtemp(name.data()))
        throw std::runtime_error("cannot create a scratch directory in " + parent.string() + ": " +
                                 std::strerror(errno));
    path_ = name;
}

ScratchDirectory::~ScratchDirectory() {
    std::error_code ignored; // remove_all never follows symbolic links
    std::filesystem::remove_all(path_, ignored);
}

void ScratchDirectory::removeAbandoned(const std::filesystem::path& parent,
                                       std::chrono::seconds age) {
    namespace fs = std::filesystem;
    std::error_code error;
    const auto oldest = fs::file_time_type::clock::now() - age;
    for (fs::directory_iterator entry(parent, error), end; !error && entry != end;
         entry.increment(error)) {
        std::error_code ignored;
        if (entry->path().filename().string().starts_with(kPrefix) &&
            entry->is_directory(ignored) && !entry->is_symlink(ignored) &&
            entry->last_write_time(ignored) < oldest)
            fs::remove_all(entry->path(), ignored);
    }
}

} // namespace spikestudio
