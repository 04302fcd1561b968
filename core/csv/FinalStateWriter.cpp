#include "csv/FinalStateWriter.h"

#include "csv/NpyFile.h"
#include "diagnostics/PrintableText.h"
#include "files/AtomicOutputFile.h"
#include "files/OutputName.h"
#include "units/DimensionJson.h"

#include <deque>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>

namespace spikestudio {

namespace {

constexpr const char* kIndexName = "index.json";
constexpr const char* kFormatTag = "spikestudio-final-state";
constexpr int kFormatVersion = 1;

/// One variable of one object and the file it goes to.
struct ArrayFile {
    std::string variable;
    Dimension dim;
    ValueType type = ValueType::Float;
    const StateArray* doubles = nullptr;
    const std::vector<std::int32_t>* integers = nullptr; // i and j
    std::vector<double> expanded; // a delay shared by all synapses, once per synapse
    std::string file;

    std::span<const double> values() const {
        return doubles ? std::span<const double>(*doubles) : std::span<const double>(expanded);
    }
    size_t size() const { return integers ? integers->size() : values().size(); }
};

struct StateObject {
    std::string name;
    std::string kind;
    long long size = 0;
    std::string source, target; // Synapses only
    std::vector<ArrayFile> arrays;
};

const char* typeText(ValueType type) {
    switch (type) {
    case ValueType::Boolean:
        return "boolean";
    case ValueType::Integer:
        return "integer";
    case ValueType::Float:
        break;
    }
    return "float";
}

/// The unit and type the model gives `name` (refractoriness bookkeeping
/// included); a float without unit when the scope does not know it.
void describe(ArrayFile& array, const Scope& scope) {
    if (const std::optional<Symbol> symbol = scope.lookup(array.variable)) {
        array.dim = symbol->dim;
        array.type = symbol->type;
    }
}

void addVariables(StateObject& object, const std::vector<std::string>& names,
                  const std::map<std::string, StateArray>& values, const Scope& scope) {
    for (const std::string& name : names) {
        const auto found = values.find(name);
        if (found == values.end())
            continue;
        ArrayFile& array = object.arrays.emplace_back();
        array.variable = name;
        array.doubles = &found->second;
        describe(array, scope);
    }
}

StateObject groupState(const CheckedGroup& checked, const GroupState& state) {
    StateObject object{checked.name, typeName(checked.type), checked.size, "", "", {}};
    addVariables(object, checked.stateVariables, state.variables, *checked.scope);
    return object;
}

void addIndices(StateObject& object, const char* name, const std::vector<std::int32_t>& values) {
    ArrayFile& array = object.arrays.emplace_back();
    array.variable = name;
    array.type = ValueType::Integer;
    array.integers = &values;
}

void addDelay(StateObject& object, const SynapseState& state) {
    ArrayFile& array = object.arrays.emplace_back();
    array.variable = "delay";
    array.dim = Dimension::second();
    const auto perSynapse = state.variables.find("delay");
    if (perSynapse != state.variables.end() && !state.uniformDelay) {
        array.doubles = &perSynapse->second;
        return;
    }
    array.expanded.assign(state.pre.size(), state.uniformDelay.value_or(0.0));
}

StateObject synapsesState(const CheckedSynapses& checked, const SynapseState& state) {
    StateObject object{checked.name,       "Synapses",         state.size(),
                       state.source->name, state.target->name, {}};
    // The group's own indices, as Brian2's _synaptic_pre and _synaptic_post
    // hold them also when the synapses name subgroups.
    addIndices(object, "i", state.pre);
    addIndices(object, "j", state.post);
    addDelay(object, state);
    addVariables(object, checked.stateVariables, state.variables, *checked.scope);
    return object;
}

template <typename State>
const State* findByName(const std::deque<State>& states, const std::string& name) {
    for (const State& state : states)
        if (state.name == name)
            return &state;
    return nullptr;
}

std::vector<StateObject> collectState(const Network& network, const CheckedModel& model) {
    std::vector<StateObject> objects;
    for (const CheckedGroup& checked : model.groups)
        if (const GroupState* state = findByName(network.groups(), checked.name)) {
            StateObject object = groupState(checked, *state);
            if (!object.arrays.empty())
                objects.push_back(std::move(object));
        }
    for (const CheckedSynapses& checked : model.synapses)
        if (const SynapseState* state = findByName(network.synapses(), checked.name))
            objects.push_back(synapsesState(checked, *state));
    return objects;
}

/// Gives every array its file, `<object>.<variable>.npy`: the names are checked
/// (OutputName) and a name taken already on a case-insensitive file system
/// gets a number (`G.v.2.npy`); the index says which file holds what.
void nameFiles(std::vector<StateObject>& objects) {
    std::set<std::string> taken;
    for (StateObject& object : objects) {
        if (const std::string problem = OutputName::problem(object.name); !problem.empty())
            throw std::runtime_error(object.kind + " '" + printable(object.name) +
                                     "', field 'name': " + problem +
                                     "; no final state was written");
        for (ArrayFile& array : object.arrays) {
            const std::string stem = object.name + "." + array.variable;
            if (const std::string problem = OutputName::problem(stem); !problem.empty())
                throw std::runtime_error(object.kind + " '" + printable(object.name) +
                                         "', variable '" + printable(array.variable) +
                                         "': as a file name, " + problem +
                                         "; no final state was written");
            array.file = stem + ".npy";
            for (int copy = 2; !taken.insert(OutputName::caseFolded(array.file)).second; ++copy)
                array.file = stem + "." + std::to_string(copy) + ".npy";
        }
    }
}

void writeArray(const std::filesystem::path& directory, const ArrayFile& array) {
    AtomicOutputFile file((directory / array.file).string());
    if (array.integers)
        NpyFile::writeInt32s(file.stream(), *array.integers);
    else
        NpyFile::writeDoubles(file.stream(), array.values());
    file.commit();
}

nlohmann::ordered_json indexJson(const std::vector<StateObject>& objects) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const StateObject& object : objects) {
        nlohmann::ordered_json entry = {
            {"name", object.name}, {"kind", object.kind}, {"size", object.size}};
        if (!object.source.empty())
            entry["source"] = object.source, entry["target"] = object.target;
        nlohmann::ordered_json variables = nlohmann::ordered_json::array();
        for (const ArrayFile& array : object.arrays)
            variables.push_back({{"name", array.variable},
                                 {"file", array.file},
                                 {"dtype", array.integers ? "<i4" : "<f8"},
                                 {"size", array.size()},
                                 {"unit", array.dim.unitSymbol()},
                                 {"dimension", dimensionExponents(array.dim)},
                                 {"type", typeText(array.type)}});
        entry["variables"] = std::move(variables);
        list.push_back(std::move(entry));
    }
    return {{"format", kFormatTag}, {"version", kFormatVersion}, {"objects", std::move(list)}};
}

void createFolder(const std::string& directory) {
    if (directory.empty())
        throw std::runtime_error("the final state's folder name is empty");
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error)
        throw std::runtime_error("cannot create the folder " + printable(directory) + " (" +
                                 error.message() + ")");
}

/// An earlier index would name files this run replaces: it goes first.
void removeEarlierIndex(const std::filesystem::path& index) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(std::filesystem::symlink_status(index, error)))
        return; // none (or something AtomicOutputFile refused already)
    if (!std::filesystem::remove(index, error) && error)
        throw std::runtime_error("cannot replace " + printable(index.string()) + " (" +
                                 error.message() + ")");
}

} // namespace

void writeFinalState(const Network& network, const CheckedModel& model,
                     const std::string& directory) {
    std::vector<StateObject> objects = collectState(network, model);
    nameFiles(objects);
    createFolder(directory);
    const std::filesystem::path folder(directory);
    AtomicOutputFile index((folder / kIndexName).string()); // refuses a bad target first
    removeEarlierIndex(folder / kIndexName);
    for (const StateObject& object : objects)
        for (const ArrayFile& array : object.arrays)
            writeArray(folder, array);
    index.stream() << indexJson(objects).dump(2) << '\n';
    index.commit();
}

} // namespace spikestudio
