#include "units/DimensionJson.h"

namespace spikestudio {

nlohmann::ordered_json dimensionExponents(const Dimension& dim) {
    nlohmann::ordered_json exponents = nlohmann::ordered_json::array();
    for (int k = 0; k < Dimension::kBaseCount; ++k)
        exponents.push_back(dim.exponent(k));
    return exponents;
}

} // namespace spikestudio
