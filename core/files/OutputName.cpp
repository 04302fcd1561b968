#include "files/OutputName.h"

#include "diagnostics/PrintableText.h"

namespace spikestudio {

namespace {

bool hasControlCharacter(std::string_view name) {
    for (const char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return true;
    return false;
}

} // namespace

std::string OutputName::problem(std::string_view name) {
    if (name.empty())
        return "the name is empty";
    if (name.size() > kMaxBytes)
        return "the name is " + std::to_string(name.size()) + " bytes long; at most " +
               std::to_string(kMaxBytes) + " can be a file name";
    if (name == "." || name == "..")
        return "'" + std::string(name) + "' names a folder, not a file";
    if (name.find('/') != std::string_view::npos || name.find('\\') != std::string_view::npos)
        return "a file name cannot contain '/' or '\\' (it would write outside the chosen folder)";
    if (hasControlCharacter(name))
        return "a file name cannot contain control characters";
    if (printable(name) != name)
        return "a file name must be UTF-8 text without invisible control characters";
    return "";
}

std::string OutputName::caseFolded(std::string_view name) {
    std::string folded(name);
    for (char& c : folded)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return folded;
}

} // namespace spikestudio
