#include "model/RunRegularlyFormat.h"

#include "diagnostics/ModelError.h"

#include <limits>
#include <set>

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

/// One entry of the list, read field by field.
class EntryReader {
public:
    EntryReader(const Json& entry, std::string object, std::string where)
        : entry_(entry), object_(std::move(object)), where_(std::move(where)) {
        if (!entry.is_object())
            fail("", "expected an object with 'code' and optional 'name', 'dt', 'when', 'order', "
                     "'subgroup'");
        static const std::set<std::string> known{"name", "code", "dt", "when", "order", "subgroup"};
        for (const auto& [key, value] : entry.items())
            if (!known.count(key))
                fail("", "unknown field '" + key + "'");
    }

    std::string text(const char* key, bool required) const {
        if (!entry_.contains(key)) {
            if (required)
                fail(key, std::string("missing field '") + key + "'");
            return "";
        }
        if (!entry_.at(key).is_string())
            fail(key, "expected a string");
        return entry_.at(key).get<std::string>();
    }

    std::optional<long long> order() const {
        if (!entry_.contains("order"))
            return std::nullopt;
        const Json& value = entry_.at("order");
        if (!value.is_number_integer() ||
            value.is_number_unsigned() &&
                value.get<unsigned long long>() > std::numeric_limits<int>::max())
            fail("order", "expected an integer");
        const long long order = value.get<long long>();
        if (order < std::numeric_limits<int>::min() || order > std::numeric_limits<int>::max())
            fail("order", "expected an integer from " +
                              std::to_string(std::numeric_limits<int>::min()) + " to " +
                              std::to_string(std::numeric_limits<int>::max()));
        return order;
    }

    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw ModelError({object_, key.empty() ? where_ : where_ + "." + key, 0, 0}, problem);
    }

private:
    const Json& entry_;
    std::string object_;
    std::string where_;
};

} // namespace

std::vector<RunRegularlySpec> readRunRegularly(const Json& list, const std::string& object) {
    if (!list.is_array())
        throw ModelError({object, "run_regularly", 0, 0}, "expected a list of operations");
    std::vector<RunRegularlySpec> operations;
    for (size_t k = 0; k < list.size(); ++k) {
        const EntryReader in(list[k], object, "run_regularly[" + std::to_string(k) + "]");
        RunRegularlySpec operation;
        operation.name = in.text("name", false);
        operation.code = in.text("code", true);
        operation.dt = in.text("dt", false);
        operation.when = in.text("when", false);
        operation.order = in.order();
        operation.subgroup = in.text("subgroup", false);
        operations.push_back(std::move(operation));
    }
    return operations;
}

Json runRegularlyJson(const std::vector<RunRegularlySpec>& operations) {
    Json list = Json::array();
    for (const RunRegularlySpec& operation : operations) {
        Json entry = Json::object();
        if (!operation.name.empty())
            entry["name"] = operation.name;
        entry["code"] = operation.code;
        if (!operation.dt.empty())
            entry["dt"] = operation.dt;
        if (!operation.when.empty())
            entry["when"] = operation.when;
        if (operation.order)
            entry["order"] = *operation.order;
        if (!operation.subgroup.empty())
            entry["subgroup"] = operation.subgroup;
        list.push_back(std::move(entry));
    }
    return list;
}

} // namespace spikestudio
