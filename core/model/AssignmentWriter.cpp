#include "model/AssignmentWriter.h"

#include "model/SeedEntry.h"

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

void putSelection(Json& json, const char* key, const IndexSelection& selection) {
    if (selection.form == IndexSelection::Form::Slice)
        json[key] = sliceText(selection);
    else if (selection.form == IndexSelection::Form::List)
        json[key] = selection.list;
}

} // namespace

Json assignmentJson(const AssignmentSpec& spec) {
    if (spec.isSeedEntry())
        return seedEntryJson(*spec.reseed);
    Json json = Json::object();
    json["variable"] = spec.variable;
    if (spec.hasValues) {
        json["value"] = spec.values;
        if (!spec.unit.empty())
            json["unit"] = spec.unit;
    } else {
        json["value"] = spec.value;
    }
    putSelection(json, "index", spec.index);
    putSelection(json, "pre", spec.pre);
    putSelection(json, "post", spec.post);
    if (!spec.condition.empty())
        json["condition"] = spec.condition;
    return json;
}

Json assignmentsJson(const std::vector<AssignmentSpec>& assignments) {
    Json list = Json::array();
    for (const AssignmentSpec& spec : assignments)
        list.push_back(assignmentJson(spec));
    return list;
}

} // namespace spikestudio
