#include "analysis/RunStatistics.h"

#include "diagnostics/UserError.h"
#include "units/DimensionJson.h"

#include <nlohmann/json.hpp>

namespace spikestudio {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kStatisticsFormatVersion = 1;

Json optionalNumber(const std::optional<double>& value) {
    return value ? Json(*value) : Json(nullptr);
}

Json spikeJson(const SpikeTrainStatistics& s) {
    return {{"monitor", s.monitor},
            {"neurons", s.neurons},
            {"spikes", s.spikes},
            {"duration_s", s.duration},
            {"rate_mean_hz", s.rateMean},
            {"rate_sd_hz", s.rateSd},
            {"isi_cv_mean", optionalNumber(s.isiCvMean)},
            {"isi_cv_neurons", s.isiCvNeurons},
            {"fano_factor", optionalNumber(s.fanoFactor)},
            {"dominant_frequency_hz", optionalNumber(s.dominantFrequency)}};
}

Json variableJson(const VariableStatistics& s) {
    return {{"monitor", s.monitor},
            {"variable", s.variable},
            {"dimension", dimensionExponents(s.dimension)},
            {"samples", s.samples},
            {"mean", s.mean},
            {"sd", s.sd}};
}

[[noreturn]] void refuse(const std::string& why) {
    throw UserError("the stored run statistics are not readable: " + why);
}

double number(const Json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number())
        refuse(std::string("'") + key + "' is missing or not a number");
    return it->get<double>();
}

std::int64_t integer(const Json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer())
        refuse(std::string("'") + key + "' is missing or not a whole number");
    return it->get<std::int64_t>();
}

std::optional<double> optionalNumberOf(const Json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::nullopt;
    return number(object, key);
}

std::string text(const Json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        refuse(std::string("'") + key + "' is missing or not text");
    return it->get<std::string>();
}

Dimension dimensionOf(const Json& object) {
    const auto it = object.find("dimension");
    if (it == object.end() || !it->is_array() || it->size() != Dimension::kBaseCount)
        refuse("'dimension' is not seven exponents");
    Dimension dim;
    for (int k = 0; k < Dimension::kBaseCount; ++k) {
        if (!(*it)[k].is_number())
            refuse("'dimension' is not seven exponents");
        dim = dim * Dimension::base(k, (*it)[k].get<double>());
    }
    return dim;
}

const Json& arrayOf(const Json& root, const char* key) {
    const auto it = root.find(key);
    if (it == root.end() || !it->is_array())
        refuse(std::string("'") + key + "' is not a list");
    return *it;
}

} // namespace

RunStatistics computeRunStatistics(const std::deque<SpikeRecord>& spikes,
                                   const std::deque<StateRecord>& states, double duration) {
    RunStatistics statistics;
    for (const SpikeRecord& record : spikes)
        statistics.spikeMonitors.push_back(spikeTrainStatistics(record, duration));
    for (const StateRecord& record : states)
        for (VariableStatistics& variable : stateStatistics(record))
            statistics.stateVariables.push_back(std::move(variable));
    return statistics;
}

std::string runStatisticsJson(const RunStatistics& statistics) {
    Json root{{"version", kStatisticsFormatVersion},
              {"spike_monitors", Json::array()},
              {"state_variables", Json::array()}};
    for (const SpikeTrainStatistics& s : statistics.spikeMonitors)
        root["spike_monitors"].push_back(spikeJson(s));
    for (const VariableStatistics& s : statistics.stateVariables)
        root["state_variables"].push_back(variableJson(s));
    // Names are the model's (checked); replacement only guards against the impossible.
    return root.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RunStatistics parseRunStatistics(const std::string& json) {
    const Json root = Json::parse(json, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        refuse("not a JSON object");
    if (integer(root, "version") != kStatisticsFormatVersion)
        refuse("version " + std::to_string(integer(root, "version")) + " is not known");
    RunStatistics statistics;
    for (const Json& entry : arrayOf(root, "spike_monitors")) {
        if (!entry.is_object())
            refuse("a spike monitor's entry is not an object");
        SpikeTrainStatistics& s = statistics.spikeMonitors.emplace_back();
        s.monitor = text(entry, "monitor");
        s.neurons = integer(entry, "neurons");
        s.spikes = integer(entry, "spikes");
        s.duration = number(entry, "duration_s");
        s.rateMean = number(entry, "rate_mean_hz");
        s.rateSd = number(entry, "rate_sd_hz");
        s.isiCvMean = optionalNumberOf(entry, "isi_cv_mean");
        s.isiCvNeurons = integer(entry, "isi_cv_neurons");
        s.fanoFactor = optionalNumberOf(entry, "fano_factor");
        s.dominantFrequency = optionalNumberOf(entry, "dominant_frequency_hz");
    }
    for (const Json& entry : arrayOf(root, "state_variables")) {
        if (!entry.is_object())
            refuse("a state variable's entry is not an object");
        VariableStatistics& s = statistics.stateVariables.emplace_back();
        s.monitor = text(entry, "monitor");
        s.variable = text(entry, "variable");
        s.dimension = dimensionOf(entry);
        s.samples = integer(entry, "samples");
        s.mean = number(entry, "mean");
        s.sd = number(entry, "sd");
    }
    return statistics;
}

} // namespace spikestudio
