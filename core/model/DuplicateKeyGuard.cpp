#include "model/DuplicateKeyGuard.h"

#include "diagnostics/ModelError.h"

namespace spikestudio {

DuplicateKeyGuard::Json::parser_callback_t DuplicateKeyGuard::callback() {
    return [this](int, Json::parse_event_t event, Json& parsed) { return onEvent(event, parsed); };
}

bool DuplicateKeyGuard::onEvent(Json::parse_event_t event, Json& parsed) {
    using Event = Json::parse_event_t;
    switch (event) {
    case Event::object_start:
    case Event::array_start:
        frames_.push_back(Frame{event == Event::object_start, {}, {}, {}, 0});
        break;
    case Event::key: {
        Frame& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second)
            refuse(frame.key);
        break;
    }
    case Event::object_end:
    case Event::array_end:
        frames_.pop_back();
        valueDone();
        break;
    case Event::value:
        if (!frames_.empty() && frames_.back().object && frames_.back().key == "name" &&
            parsed.is_string())
            frames_.back().name = parsed.get<std::string>();
        valueDone();
        break;
    }
    return true;
}

void DuplicateKeyGuard::valueDone() {
    if (!frames_.empty() && !frames_.back().object)
        ++frames_.back().index;
}

/// Object: the innermost named object (an array element with a "name" read
/// before the duplicate), else the model; field: the path below it.
void DuplicateKeyGuard::refuse(const std::string& key) const {
    std::string object = "model";
    std::string field;
    for (size_t k = 0; k < frames_.size(); ++k) {
        const Frame& frame = frames_[k];
        if (!frame.object) {
            field += "[" + std::to_string(frame.index) + "]";
            continue;
        }
        if (k > 0 && !frames_[k - 1].object && !frame.name.empty()) {
            object = frame.name;
            field.clear();
        }
        const std::string& next = k + 1 == frames_.size() ? key : frame.key;
        field += (field.empty() ? "" : ".") + next;
    }
    throw ModelError({object, field, 0, 0},
                     "the key '" + key +
                         "' appears twice in one object; JSON keys must be unique (the last one "
                         "would silently win)");
}

} // namespace spikestudio
