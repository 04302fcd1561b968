#pragma once

#include "units/UnitDeclaration.h"

#include <string_view>

namespace spikestudio {

/// Parses "volt", "amp/metre**2", "siemens/meter**2", "1", "boolean",
/// "integer", "(volt/second)", "second**-1", "1/second", "Hz", "mmolar"...
/// As in Brian2, only units of scale 1 may be used ("mV" -> use 'volt';
/// "metre2" -> use 'metre ** 2'). Throws ModelError with line 1 and the
/// column of the offending token within `text`.
UnitDeclaration parseUnitDeclaration(std::string_view text);

} // namespace spikestudio
