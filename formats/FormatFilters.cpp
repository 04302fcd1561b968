#include "formats/FormatFilters.h"

#include "formats/ModelFormats.h"

namespace spikestudio {

FormatFilters::FormatFilters(FormatCapability capability, const std::string& allLabel)
    : formats_(ModelFormats::with(capability)) {
    std::string patterns;
    for (const ModelFormat* format : formats_)
        for (const std::string& extension : format->extensions())
            patterns += (patterns.empty() ? "*." : " *.") + extension;
    if (formats_.size() > 1)
        filters_.push_back(allLabel + " (" + patterns + ")");
    for (const ModelFormat* format : formats_)
        filters_.push_back(format->nameFilter());
    filters_.push_back("All files (*)");
}

std::string FormatFilters::joined() const {
    std::string text;
    for (const std::string& filter : filters_)
        text += (text.empty() ? "" : ";;") + filter;
    return text;
}

const ModelFormat* FormatFilters::formatOf(const std::string& filter) const {
    for (const ModelFormat* format : formats_)
        if (format->nameFilter() == filter)
            return format;
    return nullptr;
}

} // namespace spikestudio
