#pragma once

#include "formats/Exporter.h"

#include <string>
#include <vector>

namespace spikestudio {

/// The registered exporters, in menu order.
class Exporters {
public:
    static const std::vector<const Exporter*>& all();
    static const Exporter* byShortName(const std::string& shortName);
};

} // namespace spikestudio
