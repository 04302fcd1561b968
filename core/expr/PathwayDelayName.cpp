#include "expr/PathwayDelayName.h"

namespace spikestudio {

namespace {
constexpr std::string_view kSuffix = ".delay";
}

std::string pathwayDelayName(const std::string& pathway) {
    return pathway + std::string(kSuffix);
}

std::optional<std::string> pathwayOfDelay(const std::string& variable) {
    if (variable.size() <= kSuffix.size() || !variable.ends_with(kSuffix))
        return std::nullopt;
    return variable.substr(0, variable.size() - kSuffix.size());
}

} // namespace spikestudio
