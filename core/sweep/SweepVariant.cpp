#include "sweep/SweepVariant.h"

#include "model/Model.h"

#include <algorithm>

namespace spikestudio {

Model SweepVariant::applyTo(const Model& base) const {
    Model model = base;
    for (const auto& [name, value] : constants) {
        auto entry = std::find_if(model.constants.begin(), model.constants.end(),
                                  [&](const auto& constant) { return constant.first == name; });
        if (entry != model.constants.end())
            entry->second = value;
    }
    if (seed)
        model.seed = *seed;
    return model;
}

} // namespace spikestudio
