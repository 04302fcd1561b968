#include "formats/FileSniffing.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace spikestudio {

namespace {

// A script imports brian2 near its top; this much is read to find the line.
constexpr std::size_t kScriptHead = 1 << 20;

bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool endsName(const std::string& line, std::size_t at) {
    return at == line.size() || isBlank(line[at]) || line[at] == '.' || line[at] == ',' ||
           line[at] == ';' || line[at] == '#';
}

/// `from brian2[.x] import` or `import brian2[...]`, after any indentation.
bool isBrian2Import(const std::string& line) {
    std::size_t at = 0;
    while (at < line.size() && isBlank(line[at]))
        ++at;
    for (const std::string start : {"from", "import"}) {
        if (line.compare(at, start.size(), start) != 0 || at + start.size() >= line.size() ||
            !isBlank(line[at + start.size()]))
            continue;
        std::size_t name = at + start.size();
        while (name < line.size() && isBlank(line[name]))
            ++name;
        const std::string brian2 = "brian2";
        if (line.compare(name, brian2.size(), brian2) == 0 && endsName(line, name + brian2.size()))
            return true;
    }
    return false;
}

} // namespace

bool FileSniffing::isRegularFile(const std::string& path) {
    std::error_code error;
    return std::filesystem::is_regular_file(path, error);
}

std::string FileSniffing::head(const std::string& path, std::size_t limit) {
    if (!isRegularFile(path))
        return {};
    std::ifstream in(path, std::ios::binary);
    std::string bytes(limit, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(limit));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

bool FileSniffing::startsJsonObject(const std::string& path) {
    const std::string bytes = head(path, 4096);
    std::size_t at = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; // a UTF-8 byte order mark
    while (at < bytes.size() && isBlank(bytes[at]))
        ++at;
    return at < bytes.size() && bytes[at] == '{';
}

bool FileSniffing::importsBrian2(const std::string& path) {
    const std::string bytes = head(path, kScriptHead);
    if (bytes.find('\0') != std::string::npos)
        return false; // binary, not a script
    std::istringstream lines(bytes);
    for (std::string line; std::getline(lines, line);)
        if (isBrian2Import(line))
            return true;
    return false;
}

} // namespace spikestudio
