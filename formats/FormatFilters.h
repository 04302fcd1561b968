#pragma once

#include "formats/FormatCapabilities.h"
#include "formats/ModelFormat.h"

#include <string>
#include <vector>

namespace spikestudio {

/// The file dialog filters of the formats that can do a capability (after
/// Tiled's FormatHelper): first one filter for all of them, then one per
/// format, then all files; and the format a chosen filter stands for.
class FormatFilters {
public:
    /// `allLabel` names the first filter ("Spike Studio projects and models").
    FormatFilters(FormatCapability capability, const std::string& allLabel);

    const std::vector<const ModelFormat*>& formats() const { return formats_; }
    const std::vector<std::string>& filters() const { return filters_; }
    /// The filters joined by ";;", as QFileDialog takes them.
    std::string joined() const;
    /// The format of a per-format filter; null for the first and the last.
    const ModelFormat* formatOf(const std::string& filter) const;

private:
    std::vector<const ModelFormat*> formats_;
    std::vector<std::string> filters_;
};

} // namespace spikestudio
