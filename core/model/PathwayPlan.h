#pragma once

#include "equations/EquationSet.h"
#include "model/CheckedModel.h"

#include <string>
#include <vector>

namespace spikestudio {

/// One pathway of a Synapses object before its code is checked: from
/// `on_pre` (named "pre", with the object's `delay`), `on_post` (named
/// "post") or an entry of `pathways`, with the fields messages name.
struct PathwayPlan {
    std::string name;
    SynapseSide side = SynapseSide::Pre;
    std::string code;
    std::string codeField; // "on_pre", "pathways[1].code"
    std::string delay;     // "" = no delay
    std::string delayField;
    std::string event = "spike";
};

/// The pathways of `spec` in Brian2's order (pre pathways, then post ones)
/// after the rules that combine the two forms: `on_pre` and pathways of
/// direction "pre" are not mixed (likewise for post), names are unique and
/// not a variable of the synapses, the object's `delay` belongs to `on_pre`,
/// and each event is one the listening group emits (the source for "pre",
/// the target for "post"). Throws ModelError naming the object and field.
std::vector<PathwayPlan> planPathways(const SynapsesSpec& spec, const CheckedGroup& source,
                                      const CheckedGroup& target, const EquationSet& equations);

} // namespace spikestudio
