#include "ScratchDirectory.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace spikestudio::fuzz {

namespace {

/// Memory when possible: SQLite syncs every commit, and a synced write to a
/// busy disk can take a second.
std::string parent() {
    if (access("/dev/shm", W_OK | X_OK) == 0)
        return "/dev/shm";
    const char* tmp = std::getenv("TMPDIR");
    return tmp && *tmp ? tmp : "/tmp";
}

class Directory {
public:
    Directory() {
        std::string pattern = parent() + "/spikestudio-fuzz-XXXXXX";
        std::vector<char> name(pattern.begin(), pattern.end());
        name.push_back('\0');
        if (!mkdtemp(name.data()))
            throw std::runtime_error("cannot create a scratch directory from " + pattern);
        path_ = name.data();
    }
    ~Directory() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

} // namespace

const std::string& ScratchDirectory::path() {
    static const Directory directory;
    return directory.path();
}

std::string ScratchDirectory::writeFile(const std::string& name, std::string_view bytes) {
    const std::string file = path() + "/" + name;
    for (const char* suffix : {"-wal", "-shm", "-journal"})
        std::filesystem::remove(file + suffix);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        throw std::runtime_error("cannot write the scratch file " + file);
    return file;
}

} // namespace spikestudio::fuzz
