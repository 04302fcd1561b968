#pragma once

#include <string>
#include <vector>

namespace spikestudio {

/// Brian2's `G.x = linked_var(H, 'v', index=...)`: the parameter `x` of a
/// group, flagged `(linked)`, reads `v` of the group `H` instead of holding
/// values of its own. Without `index`, neuron k of G reads neuron k of H (or
/// element 0 when H's `v` is shared or H has one neuron); with `index`,
/// neuron k reads H's element index[k].
struct LinkSpec {
    std::string variable;       // the linked parameter of this group
    std::string source;         // a group (or a subgroup) of the model
    std::string sourceVariable; // a variable of the source
    bool hasIndex = false;
    std::vector<long long> index; // one per neuron of this group, when hasIndex
};

} // namespace spikestudio
