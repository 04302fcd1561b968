#include "model/LinkedWrites.h"

#include "diagnostics/ModelError.h"

#include <algorithm>
#include <string>
#include <vector>

namespace spikestudio {

namespace {

/// Whether neuron k of a group of `size` writes a source element no other neuron writes.
bool writesOwnElements(const CheckedLink& link, long long size) {
    switch (link.element) {
    case CheckedLink::Element::Offset:
        return true;
    case CheckedLink::Element::Fixed:
        return size <= 1;
    case CheckedLink::Element::Indexed: {
        std::vector<long long> sorted = link.indices;
        std::sort(sorted.begin(), sorted.end());
        return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
    }
    }
    return false;
}

void checkBlock(const CheckedGroup& group, const std::vector<Statement>& code,
                const std::string& field, ProblemCollector& problems) {
    for (const Statement& statement : code) {
        const CheckedLink* link = group.linkOf(statement.target);
        if (!link || writesOwnElements(*link, group.size))
            continue;
        problems.attempt([&] {
            throw ModelError(
                {group.name, field, statement.position.line, statement.position.column},
                "'" + statement.target + "' is linked to '" + link->sourceVariable + "' of '" +
                    link->sourceGroup +
                    "' through a link that gives several neurons one element; "
                    "writing it is supported only where each neuron has its own");
        });
    }
}

} // namespace

void checkLinkedWrites(const CheckedModel& checked, ProblemCollector& problems) {
    for (const CheckedGroup& group : checked.groups) {
        if (group.links.empty())
            continue;
        checkBlock(group, group.reset, "reset", problems);
        for (size_t k = 0; k < group.events.size(); ++k)
            checkBlock(group, group.events[k].code, "events[" + std::to_string(k) + "].code",
                       problems);
        for (size_t k = 0; k < group.runRegularly.size(); ++k)
            checkBlock(group, group.runRegularly[k].code,
                       "run_regularly[" + std::to_string(k) + "].code", problems);
    }
}

} // namespace spikestudio
