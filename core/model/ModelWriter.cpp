#include "model/ModelWriter.h"

#include "diagnostics/ModelError.h"
#include "files/AtomicOutputFile.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

void putText(Json& json, const char* key, const std::string& value) {
    if (!value.empty())
        json[key] = value;
}

void putNamed(Json& json, const char* key, const NamedExpressions& entries) {
    if (entries.empty())
        return;
    Json object = Json::object();
    for (const auto& [name, expression] : entries)
        object[name] = expression;
    json[key] = object;
}

Json timedArrayJson(const TimedArraySpec& array) {
    Json json;
    json["name"] = array.name;
    json["dt"] = array.dt;
    putText(json, "unit", array.unit);
    if (array.columns == 0) {
        json["values"] = array.values;
        return json;
    }
    Json rows = Json::array();
    for (long long row = 0; row < array.rows; ++row) {
        const auto first = array.values.begin() + row * array.columns;
        rows.push_back(std::vector<double>(first, first + array.columns));
    }
    json["values"] = rows;
    return json;
}

void putGroupFields(Json& json, const GroupSpec& group) {
    switch (group.type) {
    case GroupType::NeuronGroup:
        json["equations"] = group.equations;
        putText(json, "threshold", group.threshold);
        putText(json, "reset", group.reset);
        putText(json, "refractory", group.refractory);
        putText(json, "method", group.method);
        putNamed(json, "initial", group.initial);
        break;
    case GroupType::PoissonGroup:
        json["rates"] = group.rates;
        break;
    case GroupType::SpikeGeneratorGroup:
        json["indices"] = group.spikeIndices;
        json["times"] = group.spikeTimes;
        putText(json, "period", group.period);
        break;
    }
}

Json groupJson(const GroupSpec& group) {
    Json json;
    json["name"] = group.name;
    json["type"] = typeName(group.type);
    json["N"] = group.size;
    putGroupFields(json, group);
    putText(json, "dt", group.dt);
    return json;
}

Json connectJson(const ConnectSpec& connect) {
    Json json = Json::object();
    switch (connect.form) {
    case ConnectSpec::Form::Rule:
        putText(json, "condition", connect.condition);
        putText(json, "p", connect.p);
        break;
    case ConnectSpec::Form::Arrays:
        json["i"] = connect.i;
        json["j"] = connect.j;
        putText(json, "p", connect.p);
        break;
    case ConnectSpec::Form::Generator:
        json["j"] = connect.generator;
        break;
    }
    putText(json, "n", connect.n);
    return json;
}

Json synapsesJson(const SynapsesSpec& synapses) {
    Json json;
    json["name"] = synapses.name;
    json["source"] = synapses.source;
    json["target"] = synapses.target;
    putText(json, "model", synapses.model);
    putText(json, "on_pre", synapses.onPre);
    putText(json, "on_post", synapses.onPost);
    json["connect"] = connectJson(synapses.connect);
    putText(json, "delay", synapses.delay);
    putText(json, "method", synapses.method);
    putText(json, "dt", synapses.dt);
    putNamed(json, "initial", synapses.initial);
    return json;
}

Json poissonInputJson(const PoissonInputSpec& input) {
    Json json;
    json["name"] = input.name;
    json["target"] = input.target;
    json["variable"] = input.variable;
    json["N"] = input.count;
    json["rate"] = input.rate;
    json["weight"] = input.weight;
    return json;
}

Json monitorJson(const MonitorSpec& monitor) {
    Json json;
    json["name"] = monitor.name;
    json["type"] = typeName(monitor.type);
    json["source"] = monitor.source;
    if (monitor.type != MonitorType::State)
        return json;
    json["variables"] = monitor.variables;
    if (monitor.recordAll)
        json["record"] = true;
    else
        json["record"] = monitor.record;
    putText(json, "dt", monitor.dt);
    return json;
}

template <typename Spec, typename Convert>
Json listJson(const std::vector<Spec>& specs, Convert convert) {
    Json list = Json::array();
    for (const Spec& spec : specs)
        list.push_back(convert(spec));
    return list;
}

Json modelJson(const Model& model) {
    Json json;
    json["format"] = "spikestudio-model";
    json["version"] = 1;
    putText(json, "name", model.name);
    putText(json, "description", model.description);
    json["dt"] = model.dt;
    putText(json, "duration", model.duration);
    if (model.seed)
        json["seed"] = *model.seed;
    putNamed(json, "constants", model.constants);
    // Extensions of v1 are written only when used, so a plain model stays
    // readable by readers that predate them.
    if (!model.timedArrays.empty())
        json["timed_arrays"] = listJson(model.timedArrays, timedArrayJson);
    json["groups"] = listJson(model.groups, groupJson);
    json["synapses"] = listJson(model.synapses, synapsesJson);
    if (!model.poissonInputs.empty())
        json["poisson_inputs"] = listJson(model.poissonInputs, poissonInputJson);
    json["monitors"] = listJson(model.monitors, monitorJson);
    return json;
}

bool isFlatList(const Json& json) {
    if (!json.is_array())
        return false;
    for (const Json& element : json)
        if (element.is_structured())
            return false;
    return true;
}

/// Indented like dump(2), except lists of plain values stay on one line.
void print(std::ostringstream& out, const Json& json, int depth) {
    const std::string indent(2 * (depth + 1), ' ');
    const std::string closingIndent(2 * depth, ' ');
    if (json.is_object() && !json.empty()) {
        out << "{\n";
        bool first = true;
        for (const auto& [key, value] : json.items()) {
            out << (first ? "" : ",\n") << indent << Json(key).dump() << ": ";
            print(out, value, depth + 1);
            first = false;
        }
        out << "\n" << closingIndent << "}";
    } else if (json.is_array() && !json.empty() && !isFlatList(json)) {
        out << "[\n";
        for (size_t k = 0; k < json.size(); ++k) {
            out << (k ? ",\n" : "") << indent;
            print(out, json[k], depth + 1);
        }
        out << "\n" << closingIndent << "]";
    } else if (json.is_array()) {
        out << "[";
        for (size_t k = 0; k < json.size(); ++k)
            out << (k ? ", " : "") << json[k].dump();
        out << "]";
    } else {
        out << json.dump();
    }
}

} // namespace

std::string writeModelJson(const Model& model) {
    std::ostringstream out;
    print(out, modelJson(model), 0);
    out << "\n";
    return out.str();
}

void writeModelFile(const Model& model, const std::string& path) {
    const std::string text = writeModelJson(model);
    try { // never through a planted link; a failure keeps the earlier file
        AtomicOutputFile file(path);
        file.stream() << text;
        file.commit();
    } catch (const std::runtime_error& error) {
        throw ModelError({path, "", 0, 0}, error.what());
    }
}

} // namespace spikestudio
