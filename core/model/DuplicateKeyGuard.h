#pragma once

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace spikestudio {

/// Refuses a JSON document in which an object has the same key twice (the
/// parser would silently keep the last). Its callback goes to
/// nlohmann::ordered_json::parse and throws ModelError naming the object (its
/// "name" when that came first, else its place, e.g. `groups[1]`) and the key.
class DuplicateKeyGuard {
public:
    using Json = nlohmann::ordered_json;

    Json::parser_callback_t callback();

private:
    /// One object or array being parsed.
    struct Frame {
        bool object = false;
        std::set<std::string> keys; // object: the keys seen so far
        std::string key;            // object: the key whose value comes next
        std::string name;           // object: its "name", once read
        size_t index = 0;           // array: the element being parsed
    };

    bool onEvent(Json::parse_event_t event, Json& parsed);
    void valueDone();
    [[noreturn]] void refuse(const std::string& key) const;

    std::vector<Frame> frames_;
};

} // namespace spikestudio
