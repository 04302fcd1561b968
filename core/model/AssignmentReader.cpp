#include "model/AssignmentReader.h"

#include "diagnostics/ModelError.h"
#include "model/SeedEntry.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

/// Reads one assignment, naming its fields `<field>.key` (`initial[2].value`).
class EntryReader {
public:
    EntryReader(const Json& json, std::string object, std::string field, bool synapses)
        : json_(json), object_(std::move(object)), prefix_(std::move(field)), synapses_(synapses) {
        if (!json.is_object())
            fail("", "expected an object with 'variable' and 'value'");
        for (const auto& [key, value] : json.items())
            refuseUnknown(key);
    }

    AssignmentSpec read() const {
        AssignmentSpec spec;
        spec.variable = variable();
        readValue(spec);
        spec.index = selection("index");
        spec.pre = selection("pre");
        spec.post = selection("post");
        if (json_.contains("condition"))
            spec.condition = text("condition", "expected a boolean expression as a string");
        refuseConflicts(spec);
        return spec;
    }

private:
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw ModelError({object_, prefix_ + (key.empty() ? "" : "." + key), 0, 0}, problem);
    }

    void refuseUnknown(const std::string& key) const {
        static const std::vector<std::string> common = {"variable", "value", "unit", "index",
                                                        "condition"};
        for (const std::string& known : common)
            if (key == known)
                return;
        if (key == "pre" || key == "post") {
            if (synapses_)
                return;
            fail(key, "'" + key + "' only applies to a Synapses object's values");
        }
        fail(key, "unknown field '" + key + "'");
    }

    std::string text(const char* key, const std::string& problem) const {
        const Json& value = json_.at(key);
        if (!value.is_string())
            fail(key, problem);
        return value.get<std::string>();
    }

    std::string variable() const {
        if (!json_.contains("variable"))
            fail("variable", "missing field 'variable'");
        return text("variable", "expected a variable name");
    }

    void readValue(AssignmentSpec& spec) const {
        if (!json_.contains("value"))
            fail("value", "missing field 'value'");
        const Json& value = json_.at("value");
        if (value.is_array()) {
            spec.hasValues = true;
            spec.values = numbers(value);
            if (json_.contains("unit"))
                spec.unit = text("unit", "expected a unit expression as a string");
            return;
        }
        if (json_.contains("unit"))
            fail("unit", "a unit applies only to a list of numbers");
        spec.value = expression(value);
    }

    std::vector<double> numbers(const Json& list) const {
        if (list.empty())
            fail("value", "expected at least one number");
        std::vector<double> values;
        values.reserve(list.size());
        for (const Json& element : list) {
            if (!element.is_number())
                fail("value", "expected a list of numbers, got " + element.dump());
            values.push_back(element.get<double>());
        }
        return values;
    }

    std::string expression(const Json& value) const {
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
        fail("value", "expected an expression, a number or a list of numbers");
    }

    /// An index (a whole number), a list of them, or a slice "start:stop:step".
    IndexSelection selection(const char* key) const {
        IndexSelection result;
        if (!json_.contains(key))
            return result;
        const Json& value = json_.at(key);
        if (value.is_string()) {
            if (!parseSlice(value.get<std::string>(), result))
                fail(key, "expected a slice 'start:stop' or 'start:stop:step' of non-negative "
                          "whole numbers (step at least 1), got '" +
                              value.get<std::string>() + "'");
            return result;
        }
        result.form = IndexSelection::Form::List;
        if (!value.is_array()) {
            result.list.push_back(index(key, value));
            return result;
        }
        if (value.empty())
            fail(key, "expected at least one index");
        result.list.reserve(value.size());
        for (const Json& element : value)
            result.list.push_back(index(key, element));
        return result;
    }

    long long index(const char* key, const Json& value) const {
        if (!value.is_number_integer() ||
            (value.is_number_unsigned() &&
             value.get<unsigned long long>() >
                 static_cast<unsigned long long>(std::numeric_limits<long long>::max())) ||
            value.get<long long>() < 0)
            fail(key, "expected a non-negative whole number, a list of them or a slice "
                      "'start:stop', got " +
                          value.dump());
        return value.get<long long>();
    }

    void refuseConflicts(const AssignmentSpec& spec) const {
        const bool byPair = !spec.pre.all() || !spec.post.all();
        if (!spec.condition.empty() && (!spec.index.all() || byPair))
            fail("condition", "a condition cannot be combined with 'index', 'pre' or 'post'");
        if (!spec.index.all() && byPair)
            fail("index", "'index' selects synapses by number; it cannot be combined with 'pre' "
                          "or 'post'");
        if (!spec.condition.empty() && spec.hasValues)
            fail("value", "with a condition the value must be an expression or one number "
                          "(as in Brian2), not a list");
    }

    const Json& json_;
    std::string object_;
    std::string prefix_;
    bool synapses_;
};

} // namespace

std::vector<AssignmentSpec> readAssignments(const Json& list, const std::string& object,
                                            bool synapses) {
    std::vector<AssignmentSpec> result;
    result.reserve(list.size());
    for (size_t k = 0; k < list.size(); ++k)
        result.push_back(
            readAssignment(list[k], object, "initial[" + std::to_string(k) + "]", synapses));
    return result;
}

AssignmentSpec readAssignment(const Json& entry, const std::string& object,
                              const std::string& field, bool synapses) {
    if (isSeedEntry(entry))
        return AssignmentSpec::seedEntry(readSeedEntry(entry, object, field));
    return EntryReader(entry, object, field, synapses).read();
}

} // namespace spikestudio
