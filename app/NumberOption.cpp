#include "NumberOption.h"

#include "diagnostics/ModelError.h"
#include "diagnostics/WholeNumber.h"

namespace spikestudio {

std::uint64_t numberOption(const std::string& text, const char* option, const char* rule,
                           std::uint64_t least, std::uint64_t most) {
    const auto number = wholeNumber(text, least, most);
    if (!number)
        throw ModelError({"command line", option, 0, 0}, std::string(rule) + " from " +
                                                             std::to_string(least) + " to " +
                                                             std::to_string(most));
    return *number;
}

} // namespace spikestudio
