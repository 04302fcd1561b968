#include "runtime/NonFiniteWatch.h"

#include "runtime/Network.h"

#include <cmath>
#include <map>
#include <sstream>
#include <vector>

namespace spikestudio {

namespace {

using Variables = std::map<std::string, StateArray>;

std::optional<NonFiniteValue> firstNonFinite(const std::string& object, const char* element,
                                             const Variables& variables) {
    for (const auto& [name, values] : variables)
        for (size_t k = 0; k < values.size(); ++k)
            if (!std::isfinite(values[k]))
                return NonFiniteValue{object,    name, element, static_cast<long long>(k),
                                      values[k], 0.0};
    return std::nullopt;
}

} // namespace

std::string NonFiniteValue::description() const {
    std::ostringstream text;
    text << "'" << object << "', variable '" << variable << "': became "
         << (std::isnan(value) ? "NaN"
             : value > 0       ? "+inf"
                               : "-inf")
         << " (" << element << " " << index << ") by t = " << t * 1e3 << " ms";
    return text.str();
}

std::string NonFiniteValue::message() const {
    return description() + "; the run stopped there";
}

bool NonFiniteWatch::keepGoing() {
    if (found_)
        return false;
    if (++rounds_ % everyRounds_ != 0)
        return true;
    // The first scans run on cold caches and overstate the cost: they set no spacing.
    if (scans_ >= kWarmUpScans && Clock::now() - lastScanEnd_ < 50 * lastScanCost_)
        return true;
    return scan();
}

bool NonFiniteWatch::scan() {
    const auto start = Clock::now();
    for (const GroupState& group : network_.groups())
        if (!found_)
            found_ = firstNonFinite(group.name, "neuron", group.variables);
    for (const SynapseState& synapses : network_.synapses())
        if (!found_)
            found_ = firstNonFinite(synapses.name, "synapse", synapses.variables);
    if (found_)
        found_->t = network_.scheduler().time();
    lastScanEnd_ = Clock::now();
    lastScanCost_ = lastScanEnd_ - start;
    ++scans_;
    return !found_;
}

} // namespace spikestudio
