#include "model/ModelWriter.h"

#include "diagnostics/ModelError.h"
#include "files/AtomicOutputFile.h"
#include "model/AssignmentWriter.h"
#include "model/EventSpecWriter.h"
#include "model/LinkFormat.h"
#include "model/ObjectKinds.h"
#include "model/PathwaysJson.h"
#include "model/ProtocolWriter.h"
#include "model/RunRegularlyFormat.h"

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
        json[connect.overPostsynaptic ? "i" : "j"] = connect.generator;
        break;
    }
    putText(json, "n", connect.n);
    if (connect.skipIfInvalid)
        json["skip_if_invalid"] = true;
    return json;
}

// Each field is written from the member its kind keeps it in: required
// fields always, optional ones only when set.

template <typename Spec>
void writeFrom(Json& json, const ObjectKind& kind, const FieldDescriptor& field, std::monostate,
               const Spec&) {
    json[field.key] = kind.typeName;
}

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field,
               std::string Spec::*member, const Spec& spec) {
    if (field.required)
        json[field.key] = spec.*member;
    else
        putText(json, field.key.c_str(), spec.*member);
}

template <typename Spec, typename Value>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field, Value Spec::*member,
               const Spec& spec) {
    json[field.key] = spec.*member;
}

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field,
               NamedExpressions Spec::*member, const Spec& spec) {
    putNamed(json, field.key.c_str(), spec.*member);
}

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field, InitialSlot<Spec> slot,
               const Spec& spec) {
    if ((spec.*slot.assignments).empty()) {
        putNamed(json, field.key.c_str(), spec.*slot.plain);
        return;
    }
    // Map entries (an editor may have added some) are applied first: they lead the list.
    std::vector<AssignmentSpec> all;
    for (const auto& [variable, value] : spec.*slot.plain)
        all.push_back(AssignmentSpec{.variable = variable, .value = value});
    all.insert(all.end(), (spec.*slot.assignments).begin(), (spec.*slot.assignments).end());
    json[field.key] = assignmentsJson(all);
}

/// One connect() call as an object (as before there were several), more as a list.
template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field, ConnectSlot<Spec> slot,
               const Spec& spec) {
    if ((spec.*slot.later).empty()) {
        json[field.key] = connectJson(spec.*slot.first);
        return;
    }
    Json calls = Json::array({connectJson(spec.*slot.first)});
    for (const ConnectSpec& call : spec.*slot.later)
        calls.push_back(connectJson(call));
    json[field.key] = calls;
}

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field, RecordSlot<Spec> slot,
               const Spec& spec) {
    if (spec.*slot.all)
        json[field.key] = true;
    else
        json[field.key] = spec.*slot.indices;
}

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field, TableSlot<Spec> slot,
               const Spec& spec) {
    const std::vector<double>& values = spec.*slot.values;
    const long long columns = spec.*slot.columns;
    if (columns == 0) {
        json[field.key] = values;
        return;
    }
    Json rows = Json::array();
    for (long long row = 0; row < spec.*slot.rows; ++row) {
        const auto first = values.begin() + row * columns;
        rows.push_back(std::vector<double>(first, first + columns));
    }
    json[field.key] = rows;
}

/// Written only when the group has subgroups, so other groups stay byte for byte as before.
template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field,
               std::vector<SubgroupSpec> Spec::*member, const Spec& spec) {
    if ((spec.*member).empty())
        return;
    Json list = Json::array();
    for (const SubgroupSpec& subgroup : spec.*member) {
        Json entry;
        entry["name"] = subgroup.name;
        entry["start"] = subgroup.start;
        entry["stop"] = subgroup.stop;
        list.push_back(entry);
    }
    json[field.key] = list;
}

/// Written only when the group declares events, so other groups stay byte for byte as before.
template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field,
               std::vector<EventSpec> Spec::*member, const Spec& spec) {
    if (!(spec.*member).empty())
        json[field.key] = eventSpecsJson(spec.*member);
}

/// Written only when used, so Synapses with only on_pre and on_post stay byte for byte as before.
template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field,
               std::vector<PathwaySpec> Spec::*member, const Spec& spec) {
    if (!(spec.*member).empty())
        json[field.key] = pathwaysJson(spec.*member);
}

// The scheduling fields are written only when they differ from Brian2's
// defaults, so models that do not use them stay byte for byte as before.

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field,
               std::optional<long long> Spec::*member, const Spec& spec) {
    if (spec.*member)
        json[field.key] = *(spec.*member);
}

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field, bool Spec::*member,
               const Spec& spec) {
    if (!(spec.*member))
        json[field.key] = false;
}

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field,
               std::vector<RunRegularlySpec> Spec::*member, const Spec& spec) {
    if (!(spec.*member).empty())
        json[field.key] = runRegularlyJson(spec.*member);
}

template <typename Spec>
void writeFrom(Json& json, const ObjectKind&, const FieldDescriptor& field,
               std::vector<LinkSpec> Spec::*member, const Spec& spec) {
    if (!(spec.*member).empty())
        json[field.key] = linksJson(spec.*member);
}

template <typename Spec> Json objectJson(const SpecKind<Spec>& kind, const Spec& spec) {
    Json json;
    for (size_t k = 0; k < kind.fields.size(); ++k)
        std::visit([&](auto member) { writeFrom(json, kind, kind.fields[k], member, spec); },
                   kind.members[k]);
    return json;
}

Json timedArrayJson(const TimedArraySpec& array) {
    return objectJson(ObjectKinds::timedArray(), array);
}

Json groupJson(const GroupSpec& group) {
    return objectJson(ObjectKinds::of(group.type), group);
}

Json synapsesJson(const SynapsesSpec& synapses) {
    return objectJson(ObjectKinds::synapses(), synapses);
}

Json binomialFunctionJson(const BinomialFunctionSpec& function) {
    return objectJson(ObjectKinds::binomialFunction(), function);
}

Json poissonInputJson(const PoissonInputSpec& input) {
    return objectJson(ObjectKinds::poissonInput(), input);
}

Json monitorJson(const MonitorSpec& monitor) {
    return objectJson(ObjectKinds::of(monitor.type), monitor);
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
    if (model.legacyRefractoryTiming)
        json["legacy_refractory_timing"] = true;
    putNamed(json, "constants", model.constants);
    // Extensions of v1 are written only when used, so a plain model stays
    // readable by readers that predate them.
    if (!model.timedArrays.empty())
        json["timed_arrays"] = listJson(model.timedArrays, timedArrayJson);
    if (!model.binomialFunctions.empty())
        json["binomial_functions"] = listJson(model.binomialFunctions, binomialFunctionJson);
    json["groups"] = listJson(model.groups, groupJson);
    json["synapses"] = listJson(model.synapses, synapsesJson);
    if (!model.poissonInputs.empty())
        json["poisson_inputs"] = listJson(model.poissonInputs, poissonInputJson);
    json["monitors"] = listJson(model.monitors, monitorJson);
    if (!model.protocol.empty())
        json["protocol"] = protocolJson(model.protocol, timedArrayJson);
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
