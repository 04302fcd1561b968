#include "model/EventChecker.h"

#include "equations/NameRules.h"
#include "expr/DimensionChecker.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/GroupChecker.h"
#include "model/GroupEvents.h"

#include <set>

namespace spikestudio {

namespace {

std::string entryField(size_t index, const char* part) {
    return "events[" + std::to_string(index) + "]." + part;
}

void checkEventName(const GroupSpec& spec, size_t index, std::set<std::string>& seen) {
    const std::string& name = spec.events[index].name;
    const std::string field = entryField(index, "name");
    std::string why = whyObjectNameIsRefused(name);
    if (why.empty() && name == kSpikeEvent)
        why = "'spike' is the event of the group's threshold; a custom event needs another name";
    if (why.empty() && !seen.insert(name).second)
        why = "the group already has an event called '" + name + "'";
    if (!why.empty())
        throw ModelError({spec.name, field, 0, 0}, why);
}

ExprPtr checkCondition(const GroupSpec& spec, size_t index, const CheckedGroup& group) {
    return within(spec.name, entryField(index, "condition"), [&] {
        const ExprPtr expr = parseExpression(spec.events[index].condition);
        requireBoolean(expr, *group.scope, "The event condition");
        return group.equations.substituteSubexpressions(expr);
    });
}

/// Code as a reset: statements writing the group's own non-constant variables.
std::vector<Statement> checkCode(const GroupSpec& spec, size_t index, const CheckedGroup& group) {
    return within(spec.name, entryField(index, "code"), [&] {
        std::vector<Statement> code = checkCodeBlock(spec.events[index].code, codeOwner(group));
        for (Statement& statement : code)
            statement.value = group.equations.substituteSubexpressions(statement.value);
        return code;
    });
}

} // namespace

void checkEvents(const GroupSpec& spec, CheckedGroup& group) {
    std::set<std::string> seen;
    for (size_t k = 0; k < spec.events.size(); ++k) {
        checkEventName(spec, k, seen);
        CheckedEvent event;
        event.name = spec.events[k].name;
        event.condition = checkCondition(spec, k, group);
        event.code = checkCode(spec, k, group);
        group.events.push_back(std::move(event));
    }
}

} // namespace spikestudio
