#include "sweep/SweepVariant.h"

#include "model/Model.h"

#include <algorithm>

namespace spikestudio {

Model SweepVariant::applyTo(const Model& base) const {
    Model model = base;
    for (const auto& swept : constants) {
        auto entry =
            std::find_if(model.constants.begin(), model.constants.end(),
                         [&](const auto& constant) { return constant.first == swept.first; });
        if (entry != model.constants.end())
            entry->second = swept.second;
    }
    if (seed)
        model.seed = *seed;
    return model;
}

} // namespace spikestudio
