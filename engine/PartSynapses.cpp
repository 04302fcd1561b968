#include "engine/PartSynapses.h"

#include <algorithm>

namespace spikestudio {

bool PartSynapses::builtFor(const std::vector<SpikeStudioKernelContext>& parts) const {
    if (bounds_.size() != parts.size() + 1)
        return false;
    for (size_t k = 0; k < parts.size(); ++k)
        if (bounds_[k] != parts[k].first || bounds_[k + 1] != parts[k].last)
            return false;
    return true;
}

void PartSynapses::build(const std::vector<SpikeStudioKernelContext>& parts) {
    bounds_.clear();
    for (const SpikeStudioKernelContext& part : parts)
        bounds_.push_back(part.first);
    bounds_.push_back(parts.back().last);
    lists_.assign(parts.size(), {});
    const std::vector<std::int32_t>& written = *written_;
    for (size_t synapse = 0; synapse < written.size(); ++synapse) {
        const std::int64_t element = written[synapse] - start_;
        // The part whose range holds the element: the last bound at or below it.
        const auto bound = std::upper_bound(bounds_.begin(), bounds_.end() - 1, element);
        if (bound == bounds_.begin() || element >= bounds_.back())
            continue; // outside the written range: no part's (never, for checked synapses)
        lists_[static_cast<size_t>(bound - bounds_.begin() - 1)].push_back(
            static_cast<std::int32_t>(synapse));
    }
}

void PartSynapses::assign(std::vector<SpikeStudioKernelContext>& parts) {
    if (parts.size() < 2 || !written_) {
        for (SpikeStudioKernelContext& part : parts)
            part.events = nullptr, part.eventCount = -1;
        return;
    }
    if (!builtFor(parts))
        build(parts);
    for (size_t k = 0; k < parts.size(); ++k) {
        parts[k].events = lists_[k].data();
        parts[k].eventCount = static_cast<std::int64_t>(lists_[k].size());
    }
}

} // namespace spikestudio
