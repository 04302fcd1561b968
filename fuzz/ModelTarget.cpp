#include "FuzzTargets.h"
#include "KnownLimits.h"
#include "ModelEquality.h"
#include "diagnostics/ModelError.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"
#include "model/ModelWriter.h"

#include <algorithm>
#include <string_view>

namespace spikestudio::fuzz {

namespace {

/// The editor saves what it read: writing a model and reading it back must
/// give the same model.
void requireWriteRoundTrip(const Model& model) {
    const std::string written = writeModelJson(model);
    Model again;
    try {
        again = readModel(written);
    } catch (const ModelError& error) {
        throw InvariantBroken("a model read from a file cannot be read back once written: " +
                              std::string(error.what()) + "\n" + written);
    }
    if (!sameModel(model, again))
        throw InvariantBroken("a model changes when written and read back:\n" + written);
}

/// The longest Brian2 text of a model.
size_t longestText(const Model& m) {
    size_t longest = 0;
    const auto see = [&longest](const std::string& text) {
        longest = std::max(longest, text.size());
    };
    const auto seeAll = [&see](const NamedExpressions& list) {
        for (const auto& entry : list)
            see(entry.second);
    };
    for (const std::string& text : {m.dt, m.duration})
        see(text);
    seeAll(m.constants);
    for (const TimedArraySpec& a : m.timedArrays)
        for (const std::string& text : {a.dt, a.unit})
            see(text);
    for (const GroupSpec& g : m.groups) {
        for (const std::string& text :
             {g.equations, g.threshold, g.reset, g.refractory, g.dt, g.rates, g.period})
            see(text);
        seeAll(g.initial);
        for (const std::string& text : g.spikeTimes)
            see(text);
    }
    for (const SynapsesSpec& s : m.synapses) {
        for (const std::string& text :
             {s.model, s.onPre, s.onPost, s.delay, s.dt, s.connect.condition, s.connect.p,
              s.connect.n, s.connect.generator})
            see(text);
        seeAll(s.initial);
    }
    for (const PoissonInputSpec& p : m.poissonInputs)
        for (const std::string& text : {p.rate, p.weight})
            see(text);
    for (const MonitorSpec& monitor : m.monitors)
        see(monitor.dt);
    return longest;
}

bool withinKnownLimits(const Model& model) {
    for (const GroupSpec& group : model.groups)
        if (group.size > kMaxGroupSize)
            return false;
    return longestText(model) <= kMaxTextBytes;
}

} // namespace

void fuzzModel(std::span<const std::uint8_t> input) {
    if (input.size() > kMaxModelBytes)
        return;
    Model model;
    try {
        model = readModel({reinterpret_cast<const char*>(input.data()), input.size()});
    } catch (const ModelError&) {
        return;
    }
    requireWriteRoundTrip(model);
    if (!withinKnownLimits(model))
        return;
    try {
        checkModel(std::move(model));
    } catch (const ModelError&) {
    }
}

} // namespace spikestudio::fuzz
