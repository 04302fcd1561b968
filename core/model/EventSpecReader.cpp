#include "model/EventSpecReader.h"

#include "diagnostics/ModelError.h"

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

class EventEntryReader {
public:
    EventEntryReader(const Json& json, std::string object, size_t position)
        : json_(json), object_(std::move(object)),
          prefix_("events[" + std::to_string(position) + "]") {
        if (!json.is_object())
            fail("", "expected an object with 'name', 'condition' and optionally 'code'");
        for (const auto& [key, value] : json.items())
            if (key != "name" && key != "condition" && key != "code")
                fail(key, "unknown field '" + key + "'");
    }

    EventSpec read() const {
        return {text("name", true, "the event's name"),
                text("condition", true, "a boolean expression"), text("code", false, "code")};
    }

private:
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
        throw ModelError({object_, prefix_ + (key.empty() ? "" : "." + key), 0, 0}, problem);
    }

    std::string text(const char* key, bool required, const std::string& what) const {
        if (!json_.contains(key)) {
            if (required)
                fail(key, std::string("missing field '") + key + "'");
            return "";
        }
        if (!json_.at(key).is_string())
            fail(key, "expected " + what + " as a string");
        return json_.at(key).get<std::string>();
    }

    const Json& json_;
    std::string object_;
    std::string prefix_;
};

} // namespace

std::vector<EventSpec> readEventSpecs(const Json& list, const std::string& object) {
    std::vector<EventSpec> events;
    for (size_t k = 0; k < list.size(); ++k)
        events.push_back(EventEntryReader(list[k], object, k).read());
    return events;
}

} // namespace spikestudio
