#include "formats/Exporter.h"

namespace spikestudio {

std::vector<std::string> Exporter::nameFilters() const {
    const std::string patterns = " (*." + extension() + ")";
    std::vector<std::string> filters;
    for (const ExportChoice& choice : choices())
        filters.push_back(name() + ", " + choice.label + patterns);
    if (filters.empty())
        filters.push_back(name() + patterns);
    return filters;
}

} // namespace spikestudio
