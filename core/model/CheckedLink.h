#pragma once

#include <string>
#include <vector>

namespace spikestudio {

/// A linked variable after checking, followed through any chain of links to
/// the array that holds its values: neuron k of the group reads element
/// `element(k)` of `variable` in `group`.
struct CheckedLink {
    enum class Element {
        Offset,  // k + offset (the same size, or a subgroup of that size)
        Fixed,   // always `offset` (a shared variable, a group of one neuron)
        Indexed, // indices[k]
    };
    std::string variable;       // the linked parameter of the group
    std::string sourceGroup;    // the group whose array it reads (never a subgroup)
    std::string sourceVariable; // a stored variable of that group (never itself linked)
    Element element = Element::Offset;
    long long offset = 0;
    std::vector<long long> indices; // Indexed: one per neuron of the group

    /// Whether neuron k reads the source's element k (or its only element):
    /// Brian2 lets Synapses read only such links as `x_pre`, `x_post`.
    bool neuronByNeuron() const { return element != Element::Indexed && offset == 0; }

    /// The source element neuron `k` reads.
    long long elementOf(long long k) const {
        switch (element) {
        case Element::Offset:
            return k + offset;
        case Element::Fixed:
            return offset;
        case Element::Indexed:
            return indices[static_cast<size_t>(k)];
        }
        return offset;
    }
};

} // namespace spikestudio
