#include "model/ModelReader.h"

#include "diagnostics/ModelError.h"
#include "memory/MemoryBudget.h"
#include "model/DuplicateKeyGuard.h"
#include "model/Seed.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace spikestudio {

namespace {

// ordered_json keeps `constants` and `initial` in the order written.
using Json = nlohmann::ordered_json;

/// Reads the fields of one JSON object, refusing unknown keys and wrong types.
class ObjectReader {
public:
    ObjectReader(const Json& json, std::string object, std::set<std::string> knownKeys)
        : json_(json), object_(std::move(object)) {
        if (!json.is_object())
            fail("", "expected a JSON object");
        for (const auto& [key, value] : json.items())
            if (!knownKeys.count(key))
                fail(key, "unknown field '" + key + "'");
    }

    [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
        throw ModelError({object_, field, 0, 0}, problem);
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
        if (value.is_number()) {
            std::ostringstream out;
            out.precision(17);
            out << value.get<double>();
            return out.str();
        }
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
};

// Large enough for any realistic network, small enough that allocation
// failures surface as a clear message rather than a crash.
constexpr long long kMaxGroupSize = 1'000'000'000;

std::string objectName(const Json& json, const std::string& fallback) {
    if (json.is_object() && json.contains("name") && json.at("name").is_string())
        return json.at("name").get<std::string>();
    return fallback;
}

GroupSpec readNeuronGroup(const ObjectReader& in) {
    GroupSpec group;
    group.size = in.integer("N", 1, kMaxGroupSize);
    group.equations = in.text("equations", true);
    group.threshold = in.text("threshold", false);
    group.reset = in.text("reset", false);
    group.refractory = in.text("refractory", false);
    group.method = in.text("method", false);
    group.initial = in.namedExpressions("initial");
    return group;
}

GroupSpec readPoissonGroup(const ObjectReader& in) {
    GroupSpec group;
    group.size = in.integer("N", 1, kMaxGroupSize);
    group.rates = in.text("rates", true);
    return group;
}

GroupSpec readSpikeGeneratorGroup(const ObjectReader& in) {
    GroupSpec group;
    group.size = in.integer("N", 1, kMaxGroupSize);
    group.spikeIndices = in.integers("indices", true);
    const Json& times = in.array("times");
    if (!in.has("times"))
        in.fail("times", "missing field 'times'");
    for (const Json& time : times)
        group.spikeTimes.push_back(in.expression(time, "times"));
    if (group.spikeTimes.size() != group.spikeIndices.size())
        in.fail("times", "'indices' and 'times' must have the same length (" +
                             std::to_string(group.spikeIndices.size()) + " and " +
                             std::to_string(group.spikeTimes.size()) + ")");
    group.period = in.text("period", false);
    return group;
}

GroupSpec readGroup(const Json& json, size_t index) {
    const std::string name = objectName(json, "groups[" + std::to_string(index) + "]");
    const std::string type =
        json.is_object() && json.contains("type") && json.at("type").is_string()
            ? json.at("type").get<std::string>()
            : "";
    std::set<std::string> keys{"name", "type", "N", "dt"};
    if (type == "NeuronGroup")
        keys.insert({"equations", "threshold", "reset", "refractory", "method", "initial"});
    else if (type == "PoissonGroup")
        keys.insert("rates");
    else if (type == "SpikeGeneratorGroup")
        keys.insert({"indices", "times", "period"});
    const ObjectReader in(json, name, keys);
    in.text("name", true);
    in.text("type", true);
    GroupSpec group;
    if (type == "NeuronGroup")
        group = readNeuronGroup(in);
    else if (type == "PoissonGroup")
        group = readPoissonGroup(in);
    else if (type == "SpikeGeneratorGroup")
        group = readSpikeGeneratorGroup(in);
    else
        in.fail("type", "unknown group type '" + type +
                            "' (NeuronGroup, PoissonGroup, SpikeGeneratorGroup)");
    group.name = name;
    group.type = type == "PoissonGroup"          ? GroupType::PoissonGroup
                 : type == "SpikeGeneratorGroup" ? GroupType::SpikeGeneratorGroup
                                                 : GroupType::NeuronGroup;
    group.dt = in.text("dt", false);
    return group;
}

ConnectSpec readConnect(const ObjectReader& owner) {
    ConnectSpec connect;
    if (!owner.has("connect"))
        return connect; // all to all, as Brian2's connect()
    const ObjectReader in(owner.at("connect"), owner.object(), {"condition", "p", "n", "i", "j"});
    if (in.has("n") && in.at("n").is_number_float() &&
        in.at("n").get<double>() != std::trunc(in.at("n").get<double>()))
        in.fail("connect.n", "n must be an integer or a string expression (Brian2: 'n must be "
                             "int or string'), got " +
                                 in.expression(in.at("n"), "connect.n"));
    connect.n = in.text("n", false);
    if (in.has("j") && in.at("j").is_string()) {
        for (const char* key : {"condition", "p", "i"})
            if (in.has(key))
                in.fail(std::string("connect.") + key,
                        "generator syntax for 'j' cannot be combined with '" + std::string(key) +
                            "'");
        connect.form = ConnectSpec::Form::Generator;
        connect.generator = in.text("j", true);
        return connect;
    }
    connect.p = in.text("p", false);
    if (in.has("i") || in.has("j")) {
        if (in.has("condition"))
            in.fail("connect.condition", "a condition cannot be combined with 'i' and 'j'");
        connect.form = ConnectSpec::Form::Arrays;
        connect.i = in.integers("i", true);
        connect.j = in.integers("j", true);
        if (connect.i.size() != connect.j.size())
            in.fail("connect.j", "'i' and 'j' must have the same length (" +
                                     std::to_string(connect.i.size()) + " and " +
                                     std::to_string(connect.j.size()) + ")");
        return connect;
    }
    connect.condition = in.text("condition", false);
    return connect;
}

SynapsesSpec readSynapses(const Json& json, size_t index) {
    const std::string name = objectName(json, "synapses[" + std::to_string(index) + "]");
    const ObjectReader in(json, name,
                          {"name", "source", "target", "model", "on_pre", "on_post", "connect",
                           "delay", "method", "dt", "initial"});
    SynapsesSpec synapses;
    synapses.name = in.text("name", true);
    synapses.source = in.text("source", true);
    synapses.target = in.text("target", true);
    synapses.model = in.text("model", false);
    synapses.onPre = in.text("on_pre", false);
    synapses.onPost = in.text("on_post", false);
    synapses.connect = readConnect(in);
    synapses.delay = in.text("delay", false);
    synapses.method = in.text("method", false);
    synapses.dt = in.text("dt", false);
    synapses.initial = in.namedExpressions("initial");
    return synapses;
}

/// One row of a TimedArray's values: plain JSON numbers.
void appendNumbers(const ObjectReader& in, const Json& row, TimedArraySpec& array) {
    for (const Json& value : row) {
        if (!value.is_number())
            in.fail("values", "expected numbers (a list, or a list of equally long lists)");
        array.values.push_back(value.get<double>());
    }
}

TimedArraySpec readTimedArray(const Json& json, size_t index) {
    const std::string name = objectName(json, "timed_arrays[" + std::to_string(index) + "]");
    const ObjectReader in(json, name, {"name", "dt", "unit", "values"});
    TimedArraySpec array;
    array.name = in.text("name", true);
    array.dt = in.text("dt", true);
    array.unit = in.text("unit", false);
    const Json& values = in.array("values");
    if (values.empty())
        in.fail("values", "a TimedArray needs at least one value");
    const bool table = values.at(0).is_array();
    array.rows = static_cast<long long>(values.size());
    if (!table) {
        appendNumbers(in, values, array);
        return array;
    }
    array.columns = static_cast<long long>(values.at(0).size());
    if (array.columns == 0)
        in.fail("values", "the rows of a two-dimensional TimedArray cannot be empty");
    for (const Json& row : values) {
        if (!row.is_array() || static_cast<long long>(row.size()) != array.columns)
            in.fail("values", "every row needs " + std::to_string(array.columns) + " values");
        appendNumbers(in, row, array);
    }
    return array;
}

PoissonInputSpec readPoissonInput(const Json& json, size_t index) {
    const std::string name = objectName(json, "poisson_inputs[" + std::to_string(index) + "]");
    const ObjectReader in(json, name, {"name", "target", "variable", "N", "rate", "weight"});
    PoissonInputSpec input;
    input.name = in.text("name", true);
    input.target = in.text("target", true);
    input.variable = in.text("variable", true);
    input.count = in.integer("N", 0, std::numeric_limits<int>::max());
    input.rate = in.text("rate", true);
    input.weight = in.text("weight", true);
    return input;
}

std::vector<long long> readRecordIndices(const ObjectReader& in, bool& recordAll) {
    std::vector<long long> indices;
    recordAll = false;
    if (!in.has("record")) {
        recordAll = true;
        return indices;
    }
    const Json& record = in.at("record");
    if (record.is_boolean()) {
        recordAll = record.get<bool>();
        return indices;
    }
    if (!record.is_array())
        in.fail("record", "expected true, false or a list of indices");
    for (const Json& index : record) {
        if (!index.is_number_integer() || index.get<long long>() < 0)
            in.fail("record", "expected a list of non-negative integer indices");
        indices.push_back(index.get<long long>());
    }
    return indices;
}

MonitorSpec readMonitor(const Json& json, size_t index) {
    const std::string name = objectName(json, "monitors[" + std::to_string(index) + "]");
    ObjectReader in(json, name, {"name", "type", "source", "variables", "record", "dt"});
    MonitorSpec monitor;
    monitor.name = in.text("name", true);
    const std::string type = in.text("type", true);
    monitor.source = in.text("source", true);
    if (type == "SpikeMonitor")
        monitor.type = MonitorType::Spike;
    else if (type == "StateMonitor")
        monitor.type = MonitorType::State;
    else if (type == "PopulationRateMonitor")
        monitor.type = MonitorType::PopulationRate;
    else
        in.fail("type", "unknown monitor type '" + type + "'");
    if (monitor.type != MonitorType::State) {
        for (const char* key : {"variables", "record", "dt"})
            if (in.has(key))
                in.fail(key, std::string("'") + key + "' only applies to a StateMonitor");
        return monitor;
    }
    const Json& variables = in.array("variables");
    if (variables.empty())
        in.fail("variables", "a StateMonitor needs a non-empty list of variables");
    for (const Json& variable : variables) {
        if (!variable.is_string())
            in.fail("variables", "expected a list of variable names");
        monitor.variables.push_back(variable.get<std::string>());
    }
    monitor.record = readRecordIndices(in, monitor.recordAll);
    monitor.dt = in.text("dt", false);
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
                     "constants", "timed_arrays", "groups", "synapses", "poisson_inputs",
                     "monitors"});
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
    model.constants = in.namedExpressions("constants");
    const Json& timedArrays = in.array("timed_arrays");
    for (size_t k = 0; k < timedArrays.size(); ++k)
        model.timedArrays.push_back(readTimedArray(timedArrays[k], k));
    const Json& groups = in.array("groups");
    for (size_t k = 0; k < groups.size(); ++k)
        model.groups.push_back(readGroup(groups[k], k));
    const Json& synapses = in.array("synapses");
    for (size_t k = 0; k < synapses.size(); ++k)
        model.synapses.push_back(readSynapses(synapses[k], k));
    const Json& inputs = in.array("poisson_inputs");
    for (size_t k = 0; k < inputs.size(); ++k)
        model.poissonInputs.push_back(readPoissonInput(inputs[k], k));
    const Json& monitors = in.array("monitors");
    for (size_t k = 0; k < monitors.size(); ++k)
        model.monitors.push_back(readMonitor(monitors[k], k));
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
