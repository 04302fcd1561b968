#include "model/ModelReader.h"

#include "diagnostics/ModelError.h"
#include "expr/ExprText.h"
#include "memory/MemoryBudget.h"
#include "model/AssignmentReader.h"
#include "model/DuplicateKeyGuard.h"
#include "model/EventSpecReader.h"
#include "model/LinkFormat.h"
#include "model/ObjectKinds.h"
#include "model/PathwaysJson.h"
#include "model/ProtocolReader.h"
#include "model/RunRegularlyFormat.h"
#include "model/Seed.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>

namespace spikestudio {

namespace {

// ordered_json keeps `constants` and `initial` in the order written.
using Json = nlohmann::ordered_json;

/// Reads the fields of one JSON object, refusing unknown keys and wrong types.
class ObjectReader {
public:
    /// `prefix` names the field `json` is in ("connect[1]"): fields read are its parts.
    ObjectReader(const Json& json, std::string object, std::set<std::string> knownKeys,
                 std::string prefix = "")
        : json_(json), object_(std::move(object)), prefix_(std::move(prefix)) {
        if (!json.is_object())
            fail("", "expected a JSON object");
        for (const auto& [key, value] : json.items())
            if (!knownKeys.count(key))
                fail(key, "unknown field '" + key + "'");
    }

    [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
        const std::string located =
            prefix_.empty() ? field : (field.empty() ? prefix_ : prefix_ + "." + field);
        throw ModelError({object_, located, 0, 0}, problem);
    }

    /// An optional true or false; absent is false.
    bool flag(const std::string& key) const {
        if (!has(key))
            return false;
        if (!json_.at(key).is_boolean())
            fail(key, "expected true or false");
        return json_.at(key).get<bool>();
    }

    bool has(const std::string& key) const { return json_.contains(key); }

    std::string text(const std::string& key, bool required) const {
        if (!has(key)) {
            if (required)
                fail(key, "missing field '" + key + "'");
            return "";
        }
        return expression(json_.at(key), key);
    }

    /// A quantity or expression: a JSON string, or a plain number (dimensionless).
    std::string expression(const Json& value, const std::string& field) const {
        if (value.is_string())
            return value.get<std::string>();
        if (value.is_number()) // the shortest text that reads back as the same double
            return formatNumber(value.get<double>());
        if (value.is_boolean())
            return value.get<bool>() ? "True" : "False";
        fail(field, "expected a string or a number");
    }

    long long integer(const std::string& key, long long minimum, long long maximum) const {
        if (!has(key))
            fail(key, "missing field '" + key + "'");
        const Json& value = json_.at(key);
        if (!value.is_number_integer())
            fail(key, "expected an integer");
        if (value.is_number_unsigned() &&
            value.get<unsigned long long>() >
                static_cast<unsigned long long>(std::numeric_limits<long long>::max()))
            fail(key, "the value is too large");
        const long long result = value.get<long long>();
        if (result < minimum || result > maximum)
            fail(key, "expected an integer from " + std::to_string(minimum) + " to " +
                          std::to_string(maximum) + ", got " + std::to_string(result));
        return result;
    }

    NamedExpressions namedExpressions(const std::string& key) const {
        NamedExpressions result;
        if (!has(key))
            return result;
        const Json& value = json_.at(key);
        if (!value.is_object())
            fail(key, "expected an object mapping names to expressions");
        for (const auto& [name, expr] : value.items())
            result.emplace_back(name, expression(expr, key + "." + name));
        return result;
    }

    const Json& array(const std::string& key) const {
        static const Json empty = Json::array();
        if (!has(key))
            return empty;
        if (!json_.at(key).is_array())
            fail(key, "expected an array");
        return json_.at(key);
    }

    /// A list of integers (a single integer counts as a list of one).
    std::vector<long long> integers(const std::string& key, bool required) const {
        std::vector<long long> result;
        if (!has(key)) {
            if (required)
                fail(key, "missing field '" + key + "'");
            return result;
        }
        const Json& value = json_.at(key);
        if (value.is_number_integer())
            return {value.get<long long>()};
        if (!value.is_array())
            fail(key, "expected a list of integers");
        for (const Json& element : value) {
            if (!element.is_number_integer() ||
                (element.is_number_unsigned() &&
                 element.get<unsigned long long>() >
                     static_cast<unsigned long long>(std::numeric_limits<long long>::max())))
                fail(key, "expected a list of integers");
            result.push_back(element.get<long long>());
        }
        return result;
    }

    const Json& at(const std::string& key) const { return json_.at(key); }
    const std::string& object() const { return object_; }

private:
    const Json& json_;
    std::string object_;
    std::string prefix_;
};

/// One connect() call; `field` names it in messages ("connect" or "connect[1]").
ConnectSpec readConnectCall(const Json& json, const std::string& object, const std::string& field) {
    ConnectSpec connect;
    const ObjectReader in(json, object, {"condition", "p", "n", "i", "j", "skip_if_invalid"},
                          field);
    if (in.has("n") && in.at("n").is_number_float() &&
        in.at("n").get<double>() != std::trunc(in.at("n").get<double>()))
        in.fail("n", "n must be an integer or a string expression (Brian2: 'n must be "
                     "int or string'), got " +
                         in.expression(in.at("n"), "n"));
    connect.n = in.text("n", false);
    connect.skipIfInvalid = in.flag("skip_if_invalid");
    for (const char* side : {"j", "i"}) {
        if (!in.has(side) || !in.at(side).is_string())
            continue;
        const std::string other = side == std::string("j") ? "i" : "j";
        for (const std::string& key : {std::string("condition"), std::string("p"), other})
            if (in.has(key))
                in.fail(key, "generator syntax for '" + std::string(side) +
                                 "' cannot be combined with '" + key + "'");
        connect.form = ConnectSpec::Form::Generator;
        connect.overPostsynaptic = side == std::string("i");
        connect.generator = in.text(side, true);
        return connect;
    }
    connect.p = in.text("p", false);
    if (in.has("i") || in.has("j")) {
        if (in.has("condition"))
            in.fail("condition", "a condition cannot be combined with 'i' and 'j'");
        if (connect.skipIfInvalid)
            in.fail("skip_if_invalid",
                    "skip_if_invalid needs a condition or generator syntax for 'j', not 'i' and "
                    "'j' arrays (Brian2: 'Can only use skip_if_invalid with string syntax')");
        connect.form = ConnectSpec::Form::Arrays;
        connect.i = in.integers("i", true);
        connect.j = in.integers("j", true);
        if (connect.i.size() != connect.j.size())
            in.fail("j", "'i' and 'j' must have the same length (" +
                             std::to_string(connect.i.size()) + " and " +
                             std::to_string(connect.j.size()) + ")");
        return connect;
    }
    connect.condition = in.text("condition", false);
    return connect;
}

/// `connect`: one call as an object, or several (Brian2's successive
/// connect() calls) as a list of them.
void readConnect(const ObjectReader& owner, ConnectSpec& first, std::vector<ConnectSpec>& later) {
    first = {};
    later.clear();
    if (!owner.has("connect"))
        return; // all to all, as Brian2's connect()
    const Json& json = owner.at("connect");
    if (!json.is_array()) {
        first = readConnectCall(json, owner.object(), "connect");
        return;
    }
    if (json.empty())
        owner.fail("connect", "expected at least one connect object in the list");
    for (size_t k = 0; k < json.size(); ++k) {
        ConnectSpec call =
            readConnectCall(json.at(k), owner.object(), "connect[" + std::to_string(k) + "]");
        if (k == 0)
            first = std::move(call);
        else
            later.push_back(std::move(call));
    }
}

std::vector<long long> readRecordIndices(const ObjectReader& in, const std::string& key,
                                         bool& recordAll) {
    std::vector<long long> indices;
    recordAll = false;
    if (!in.has(key)) {
        recordAll = true;
        return indices;
    }
    const Json& record = in.at(key);
    if (record.is_boolean()) {
        recordAll = record.get<bool>();
        return indices;
    }
    if (!record.is_array())
        in.fail(key, "expected true, false or a list of indices");
    for (const Json& index : record) {
        if (!index.is_number_integer() || index.get<long long>() < 0)
            in.fail(key, "expected a list of non-negative integer indices");
        indices.push_back(index.get<long long>());
    }
    return indices;
}

/// One row of a NumberTable: plain JSON numbers.
void appendNumbers(const ObjectReader& in, const std::string& key, const Json& row,
                   std::vector<double>& values) {
    for (const Json& value : row) {
        if (!value.is_number())
            in.fail(key, "expected numbers (a list, or a list of equally long lists)");
        values.push_back(value.get<double>());
    }
}

struct NumberTable {
    std::vector<double> values; // row-major
    long long rows = 0;
    long long columns = 0; // 0: a list, not a table
};

NumberTable readNumberTable(const ObjectReader& in, const ObjectKind& kind,
                            const std::string& key) {
    NumberTable table;
    const Json& values = in.array(key);
    if (values.empty())
        in.fail(key, "a " + kind.typeName + " needs at least one value");
    table.rows = static_cast<long long>(values.size());
    if (!values.at(0).is_array()) {
        appendNumbers(in, key, values, table.values);
        return table;
    }
    table.columns = static_cast<long long>(values.at(0).size());
    if (table.columns == 0)
        in.fail(key, "the rows of a two-dimensional " + kind.typeName + " cannot be empty");
    for (const Json& row : values) {
        if (!row.is_array() || static_cast<long long>(row.size()) != table.columns)
            in.fail(key, "every row needs " + std::to_string(table.columns) + " values");
        appendNumbers(in, key, row, table.values);
    }
    return table;
}

std::string objectName(const Json& json, const std::string& fallback) {
    if (json.is_object() && json.contains("name") && json.at("name").is_string())
        return json.at("name").get<std::string>();
    return fallback;
}

/// Why `key` is not a field of `kind`: a field of its family's other kinds
/// is named as such.
std::string unknownFieldProblem(const ObjectKind& kind, const std::string& key) {
    std::string owners;
    for (const ObjectKind* other : ObjectKinds::all())
        if (other->family == kind.family && other->hasField(key))
            owners += (owners.empty() ? "" : " or ") + other->typeName;
    if (owners.empty())
        return "unknown field '" + key + "'";
    return "'" + key + "' only applies to a " + owners;
}

/// Refuses keys `kind` does not have.
void refuseUnknownFields(const Json& json, const ObjectKind& kind, const std::string& object) {
    if (!json.is_object())
        throw ModelError({object, "", 0, 0}, "expected a JSON object");
    for (const auto& [key, value] : json.items())
        if (!kind.hasField(key))
            throw ModelError({object, key, 0, 0}, unknownFieldProblem(kind, key));
}

std::set<std::string> keysOf(const ObjectKind& kind) {
    std::set<std::string> keys;
    for (const FieldDescriptor& field : kind.fields)
        keys.insert(field.key);
    return keys;
}

/// The kind a group or monitor names in "type"; `named` finds it by name.
template <typename Kind>
const Kind& kindNamedIn(const Json& json, const std::string& object, ObjectFamily family,
                        const std::string& familyWord, const Kind* (*named)(std::string_view)) {
    if (!json.is_object())
        throw ModelError({object, "", 0, 0}, "expected a JSON object");
    if (!json.contains("type"))
        throw ModelError({object, "type", 0, 0}, "missing field 'type'");
    const Json& type = json.at("type");
    const std::string known = " (" + ObjectKinds::typeNames(family) + ")";
    if (!type.is_string())
        throw ModelError({object, "type", 0, 0},
                         "expected the name of a " + familyWord + " type" + known);
    const std::string typeName = type.get<std::string>();
    if (const Kind* kind = named(typeName))
        return *kind;
    throw ModelError({object, "type", 0, 0},
                     "unknown " + familyWord + " type '" + typeName + "'" + known);
}

// Each field type is read into the member its kind keeps it in.

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::monostate, Spec&) {
    in.text(field.key, field.required); // the type name, already resolved
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::string Spec::*member, Spec& spec) {
    spec.*member = in.text(field.key, field.required);
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              long long Spec::*member, Spec& spec) {
    if (field.required || in.has(field.key))
        spec.*member = in.integer(field.key, field.minimum, field.maximum);
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::vector<long long> Spec::*member, Spec& spec) {
    spec.*member = in.integers(field.key, field.required);
}

/// Names must be a non-empty list of strings; expressions may be numbers too.
template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind& kind, const FieldDescriptor& field,
              std::vector<std::string> Spec::*member, Spec& spec) {
    const Json& list = in.array(field.key);
    const bool names = field.type == FieldType::Names;
    if (names && field.required && !field.emptyListAllowed && list.empty())
        in.fail(field.key, "a " + kind.typeName + " needs a non-empty list of " + field.key);
    if (field.required && !in.has(field.key))
        in.fail(field.key, "missing field '" + field.key + "'");
    std::vector<std::string> values;
    for (const Json& element : list) {
        if (names && !element.is_string())
            in.fail(field.key, "expected a list of variable names");
        values.push_back(names ? element.get<std::string>() : in.expression(element, field.key));
    }
    spec.*member = std::move(values);
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              NamedExpressions Spec::*member, Spec& spec) {
    spec.*member = in.namedExpressions(field.key);
}

/// `initial`: an ordered map, or a list of assignments with indices or arrays.
template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              InitialSlot<Spec> slot, Spec& spec) {
    if (in.has(field.key) && !in.at(field.key).is_object() && !in.at(field.key).is_array())
        in.fail(field.key, "expected an object mapping names to expressions, or a list of "
                           "assignments");
    if (in.has(field.key) && in.at(field.key).is_array())
        spec.*slot.assignments =
            readAssignments(in.at(field.key), in.object(), std::is_same_v<Spec, SynapsesSpec>);
    else
        spec.*slot.plain = in.namedExpressions(field.key);
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor&,
              ConnectSlot<Spec> slot, Spec& spec) {
    readConnect(in, spec.*slot.first, spec.*slot.later);
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              RecordSlot<Spec> slot, Spec& spec) {
    spec.*slot.indices = readRecordIndices(in, field.key, spec.*slot.all);
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind& kind, const FieldDescriptor& field,
              TableSlot<Spec> slot, Spec& spec) {
    const NumberTable table = readNumberTable(in, kind, field.key);
    spec.*slot.values = table.values;
    spec.*slot.rows = table.rows;
    spec.*slot.columns = table.columns;
}

/// Subgroups as written: each an object with a name, a start and a stop.
/// Their meaning (bounds, names) is the checker's.
template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::vector<SubgroupSpec> Spec::*member, Spec& spec) {
    std::vector<SubgroupSpec> subgroups;
    const Json& list = in.array(field.key);
    for (size_t k = 0; k < list.size(); ++k) {
        const std::string where = field.key + "[" + std::to_string(k) + "]";
        if (!list[k].is_object())
            in.fail(where, "expected an object with 'name', 'start' and 'stop'");
        for (const auto& [key, value] : list[k].items())
            if (key != "name" && key != "start" && key != "stop")
                in.fail(where, "unknown field '" + key + "'");
        const ObjectReader entry(list[k], in.object(), {"name", "start", "stop"});
        SubgroupSpec subgroup;
        if (!entry.has("name") || !entry.at("name").is_string())
            in.fail(where + ".name", "expected the subgroup's name as a string");
        subgroup.name = entry.at("name").get<std::string>();
        const auto bound = [&](const char* key) {
            if (!entry.has(key) || !entry.at(key).is_number_integer() ||
                (entry.at(key).is_number_unsigned() &&
                 entry.at(key).get<unsigned long long>() >
                     static_cast<unsigned long long>(std::numeric_limits<long long>::max())))
                in.fail(where + "." + key, "expected an integer");
            return entry.at(key).get<long long>();
        };
        subgroup.start = bound("start");
        subgroup.stop = bound("stop");
        subgroups.push_back(std::move(subgroup));
    }
    spec.*member = std::move(subgroups);
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::vector<EventSpec> Spec::*member, Spec& spec) {
    spec.*member = readEventSpecs(in.array(field.key), in.object());
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::vector<PathwaySpec> Spec::*member, Spec& spec) {
    spec.*member = readPathways(in.array(field.key), in.object());
}

/// `order`: an integer Brian2 can hold (a C int).
template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::optional<long long> Spec::*member, Spec& spec) {
    if (in.has(field.key))
        spec.*member =
            in.integer(field.key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
}

/// `active`: a JSON boolean.
template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              bool Spec::*member, Spec& spec) {
    if (!in.has(field.key))
        return;
    if (!in.at(field.key).is_boolean())
        in.fail(field.key, "expected true or false");
    spec.*member = in.at(field.key).template get<bool>();
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::vector<RunRegularlySpec> Spec::*member, Spec& spec) {
    if (in.has(field.key))
        spec.*member = readRunRegularly(in.at(field.key), in.object());
}

template <typename Spec>
void readInto(const ObjectReader& in, const ObjectKind&, const FieldDescriptor& field,
              std::vector<LinkSpec> Spec::*member, Spec& spec) {
    if (in.has(field.key))
        spec.*member = readLinks(in.at(field.key), in.object());
}

/// Reads every field of `kind` from `json` into a new Spec.
template <typename Spec>
Spec readObject(const SpecKind<Spec>& kind, const Json& json, const std::string& object) {
    refuseUnknownFields(json, kind, object);
    const ObjectReader in(json, object, keysOf(kind));
    Spec spec;
    for (size_t k = 0; k < kind.fields.size(); ++k)
        std::visit([&](auto member) { readInto(in, kind, kind.fields[k], member, spec); },
                   kind.members[k]);
    if (kind.shapeProblem)
        if (const auto problem = kind.shapeProblem(spec))
            in.fail(problem->field, problem->problem);
    return spec;
}

std::string fallbackName(const char* list, size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

GroupSpec readGroup(const Json& json, size_t index) {
    const std::string name = objectName(json, fallbackName("groups", index));
    const GroupKind& kind =
        kindNamedIn(json, name, ObjectFamily::Group, "group", ObjectKinds::groupNamed);
    GroupSpec group = readObject(kind, json, name);
    group.type = kind.type;
    return group;
}

MonitorSpec readMonitor(const Json& json, size_t index) {
    const std::string name = objectName(json, fallbackName("monitors", index));
    const MonitorKind& kind =
        kindNamedIn(json, name, ObjectFamily::Monitor, "monitor", ObjectKinds::monitorNamed);
    MonitorSpec monitor = readObject(kind, json, name);
    monitor.type = kind.type;
    return monitor;
}

std::pair<int, int> lineAndColumn(std::string_view text, size_t byte) {
    int line = 1, column = 1;
    for (size_t k = 0; k < byte && k < text.size(); ++k) {
        if (text[k] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

/// What parsing JSON takes at most per byte of text: nlohmann's values are 16
/// bytes, held in vectors that may be twice as long as needed ("[0,0,0" is 2
/// bytes a value), plus the text itself and the model made from it.
constexpr double kParseBytesPerTextByte = 24.0;

} // namespace

Model readModel(std::string_view text) {
    MemoryBudget().claim(kParseBytesPerTextByte * static_cast<double>(text.size()), "model file",
                         "",
                         "reading " + formatBytes(static_cast<double>(text.size())) + " of JSON");
    Json parsed;
    try {
        DuplicateKeyGuard duplicates;
        parsed = Json::parse(text.begin(), text.end(), duplicates.callback());
    } catch (const Json::parse_error& error) {
        const auto [line, column] = lineAndColumn(text, error.byte > 0 ? error.byte - 1 : 0);
        throw ModelError({"model file", "", line, column}, "invalid JSON");
    } catch (const Json::out_of_range&) { // a number beyond a double, like 1e400
        throw ModelError({"model file", "", 0, 0}, "invalid JSON: a number is too large");
    }
    ObjectReader in(parsed, "model",
                    {"format", "version", "name", "description", "dt", "duration", "seed",
                     "legacy_refractory_timing", "constants", "timed_arrays", "binomial_functions",
                     "groups", "synapses", "poisson_inputs", "monitors", "protocol"});
    if (in.text("format", true) != "spikestudio-model")
        in.fail("format", "not a Spike Studio model (expected \"spikestudio-model\")");
    if (in.integer("version", 1, std::numeric_limits<int>::max()) != 1)
        in.fail("version", "this model was written by a newer Spike Studio (format version " +
                               std::to_string(in.at("version").get<long long>()) + ")");
    Model model;
    model.name = in.text("name", false);
    model.description = in.text("description", false);
    if (in.has("dt"))
        model.dt = in.text("dt", true);
    model.duration = in.text("duration", false);
    if (in.has("seed")) {
        model.seed = Seed::fromInteger(in.integer("seed", std::numeric_limits<long long>::min(),
                                                  std::numeric_limits<long long>::max()));
        if (!model.seed)
            in.fail("seed", Seed::problem());
    }
    model.legacyRefractoryTiming = in.flag("legacy_refractory_timing");
    model.constants = in.namedExpressions("constants");
    const Json& timedArrays = in.array("timed_arrays");
    for (size_t k = 0; k < timedArrays.size(); ++k)
        model.timedArrays.push_back(
            readObject(ObjectKinds::timedArray(), timedArrays[k],
                       objectName(timedArrays[k], fallbackName("timed_arrays", k))));
    const Json& binomials = in.array("binomial_functions");
    for (size_t k = 0; k < binomials.size(); ++k)
        model.binomialFunctions.push_back(
            readObject(ObjectKinds::binomialFunction(), binomials[k],
                       objectName(binomials[k], fallbackName("binomial_functions", k))));
    const Json& groups = in.array("groups");
    for (size_t k = 0; k < groups.size(); ++k)
        model.groups.push_back(readGroup(groups[k], k));
    const Json& synapses = in.array("synapses");
    for (size_t k = 0; k < synapses.size(); ++k)
        model.synapses.push_back(readObject(ObjectKinds::synapses(), synapses[k],
                                            objectName(synapses[k], fallbackName("synapses", k))));
    const Json& inputs = in.array("poisson_inputs");
    for (size_t k = 0; k < inputs.size(); ++k)
        model.poissonInputs.push_back(
            readObject(ObjectKinds::poissonInput(), inputs[k],
                       objectName(inputs[k], fallbackName("poisson_inputs", k))));
    const Json& monitors = in.array("monitors");
    for (size_t k = 0; k < monitors.size(); ++k)
        model.monitors.push_back(readMonitor(monitors[k], k));
    if (in.has("protocol")) {
        std::set<std::string> synapsesNames;
        for (const SynapsesSpec& spec : model.synapses)
            synapsesNames.insert(spec.name);
        model.protocol = readProtocol(in.at("protocol"), synapsesNames, [](const Json& fields) {
            return readObject(ObjectKinds::timedArray(), fields,
                              fields.at("name").get<std::string>());
        });
    }
    return model;
}

namespace {

/// The file's bytes, refused (never read to the end) when parsing them would
/// not fit in memory. Folders, devices and pipes are refused before reading:
/// they would read as junk, or forever (/dev/zero).
std::string readLimitedFile(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw ModelError({path, "", 0, 0}, "a folder, not a model file");
    if (std::filesystem::exists(path, error) && !std::filesystem::is_regular_file(path, error))
        throw ModelError({path, "", 0, 0}, "a device or a pipe, not a model file");
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw ModelError({path, "", 0, 0}, "cannot open the model file");
    const MemoryBudget budget;
    const double most = budget.remaining() / kParseBytesPerTextByte;
    std::string content;
    char chunk[1 << 16];
    while (file.read(chunk, sizeof chunk) || file.gcount() > 0) {
        content.append(chunk, static_cast<size_t>(file.gcount()));
        if (static_cast<double>(content.size()) > most)
            budget.refuse(kParseBytesPerTextByte * static_cast<double>(content.size()), path, "",
                          "reading a model file of more than " +
                              formatBytes(static_cast<double>(content.size())));
    }
    if (file.bad())
        throw ModelError({path, "", 0, 0}, "cannot read the model file");
    return content;
}

} // namespace

Model readModelFile(const std::string& path, std::string* text) {
    const std::string content = readLimitedFile(path);
    if (text)
        *text = content;
    try {
        return readModel(content);
    } catch (const ModelError& error) {
        if (error.where().object == "model file")
            throw ModelError({path, "", error.where().line, error.where().column}, error.problem());
        throw;
    }
}

} // namespace spikestudio
