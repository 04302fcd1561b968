#include "model/LinkFormat.h"

#include "diagnostics/ModelError.h"

#include <set>

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

/// One entry of the list, read field by field.
class LinkEntryReader {
public:
    LinkEntryReader(const Json& entry, std::string object, std::string where)
        : entry_(entry), object_(std::move(object)), where_(std::move(where)) {
        if (!entry.is_object())
            fail("", "expected an object with 'variable', 'source', 'source_variable' and "
                     "optional 'index'");
        static const std::set<std::string> known{"variable", "source", "source_variable", "index"};
        for (const auto& [key, value] : entry.items())
            if (!known.count(key))
                fail("", "unknown field '" + key + "'");
    }

    std::string text(const char* key) const {
        if (!entry_.contains(key))
            fail(key, std::string("missing field '") + key + "'");
        if (!entry_.at(key).is_string())
            fail(key, "expected a string");
        return entry_.at(key).get<std::string>();
    }

    bool hasIndex() const { return entry_.contains("index"); }

    std::vector<long long> index() const {
        const Json& list = entry_.at("index");
        if (!list.is_array())
            fail("index", "expected a list of integers, one per neuron");
        std::vector<long long> values;
        values.reserve(list.size());
        for (const Json& value : list) {
            if (!value.is_number_integer() ||
                (value.is_number_unsigned() && value.get<unsigned long long>() > 0x7fffffffULL))
                fail("index", "expected a list of integers, one per neuron");
            values.push_back(value.get<long long>());
        }
        return values;
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

std::vector<LinkSpec> readLinks(const Json& list, const std::string& object) {
    if (!list.is_array())
        throw ModelError({object, "links", 0, 0}, "expected a list of linked variables");
    std::vector<LinkSpec> links;
    for (size_t k = 0; k < list.size(); ++k) {
        const LinkEntryReader in(list[k], object, "links[" + std::to_string(k) + "]");
        LinkSpec link;
        link.variable = in.text("variable");
        link.source = in.text("source");
        link.sourceVariable = in.text("source_variable");
        link.hasIndex = in.hasIndex();
        if (link.hasIndex)
            link.index = in.index();
        links.push_back(std::move(link));
    }
    return links;
}

Json linksJson(const std::vector<LinkSpec>& links) {
    Json list = Json::array();
    for (const LinkSpec& link : links) {
        Json entry = Json::object();
        entry["variable"] = link.variable;
        entry["source"] = link.source;
        entry["source_variable"] = link.sourceVariable;
        if (link.hasIndex)
            entry["index"] = link.index;
        list.push_back(std::move(entry));
    }
    return list;
}

} // namespace spikestudio
