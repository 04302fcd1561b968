#include "model/PathwaysJson.h"

#include "diagnostics/ModelError.h"
#include "expr/ExprText.h"

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

/// Reads one entry of the list, naming its fields `pathways[k].key`.
class PathwayEntryReader {
public:
    PathwayEntryReader(const Json& json, std::string object, size_t position)
        : json_(json), object_(std::move(object)), position_(position) {
        if (!json.is_object())
            fail("", "expected an object with 'name', 'direction' and 'code'");
        for (const auto& [key, value] : json.items())
            if (key != "name" && key != "direction" && key != "code" && key != "delay" &&
                key != "event")
                fail(key, "unknown field '" + key + "'");
    }

    PathwaySpec read() const {
        PathwaySpec spec;
        spec.name = string("name", true, "expected the pathway's name as a string");
        spec.direction = string("direction", true, "expected \"pre\" or \"post\"");
        spec.code = string("code", true, "expected the pathway's code as a string");
        spec.delay = expression("delay");
        spec.event = string("event", false, "expected the name of an event as a string");
        return spec;
    }

private:
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        const std::string entry = "pathways[" + std::to_string(position_) + "]";
        throw ModelError({object_, key.empty() ? entry : entry + "." + key, 0, 0}, problem);
    }

    std::string string(const char* key, bool required, const std::string& problem) const {
        if (!json_.contains(key)) {
            if (required)
                fail(key, "missing field '" + std::string(key) + "'");
            return "";
        }
        if (!json_.at(key).is_string())
            fail(key, problem);
        return json_.at(key).get<std::string>();
    }

    /// A time as text, or a plain number as the model file allows for expressions.
    std::string expression(const char* key) const {
        if (!json_.contains(key))
            return "";
        const Json& value = json_.at(key);
        if (value.is_string())
            return value.get<std::string>();
        if (value.is_number())
            return formatNumber(value.get<double>());
        fail(key, "expected a time expression as a string");
    }

    const Json& json_;
    std::string object_;
    size_t position_;
};

} // namespace

std::vector<PathwaySpec> readPathways(const Json& list, const std::string& object) {
    std::vector<PathwaySpec> pathways;
    for (size_t k = 0; k < list.size(); ++k)
        pathways.push_back(PathwayEntryReader(list[k], object, k).read());
    return pathways;
}

Json pathwaysJson(const std::vector<PathwaySpec>& pathways) {
    Json list = Json::array();
    for (const PathwaySpec& pathway : pathways) {
        Json entry;
        entry["name"] = pathway.name;
        entry["direction"] = pathway.direction;
        entry["code"] = pathway.code;
        if (!pathway.delay.empty())
            entry["delay"] = pathway.delay;
        if (!pathway.event.empty())
            entry["event"] = pathway.event;
        list.push_back(entry);
    }
    return list;
}

std::string pathwayField(size_t index, const char* part) {
    return "pathways[" + std::to_string(index) + "]." + part;
}

} // namespace spikestudio
