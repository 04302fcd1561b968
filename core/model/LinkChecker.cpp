#include "model/LinkChecker.h"

#include "diagnostics/ModelError.h"
#include "expr/DimensionChecker.h"
#include "model/LinkedSubexpression.h"
#include "model/Subgroups.h"

#include <algorithm>
#include <map>
#include <utility>

namespace spikestudio {

namespace {

std::string linkField(size_t k, const std::string& part) {
    return "links[" + std::to_string(k) + "]" + (part.empty() ? "" : "." + part);
}

bool isLinked(const CheckedGroup& group, const std::string& name) {
    const Equation* eq = group.equations.find(name);
    return eq && eq->hasFlag("linked");
}

/// Whether the group keeps `name` in an array a link can read: a stored
/// variable, or one linked in turn.
bool isReadable(const CheckedGroup& group, const std::string& name) {
    const auto& stored = group.stateVariables;
    return std::find(stored.begin(), stored.end(), name) != stored.end() || isLinked(group, name);
}

/// One group's links as written, checked one entry at a time.
class DirectLinks {
public:
    DirectLinks(const CheckedModel& checked, const GroupSpec& spec, const CheckedGroup& group)
        : checked_(checked), spec_(spec), group_(group) {}

    std::map<std::string, CheckedLink> check(const std::set<std::string>& failed,
                                             ProblemCollector& problems) const {
        std::map<std::string, CheckedLink> links;
        for (size_t k = 0; k < spec_.links.size(); ++k)
            problems.attempt([&] {
                const LinkSpec& link = spec_.links[k];
                if (links.count(link.variable))
                    fail(k, "variable", "'" + link.variable + "' is linked twice");
                if (failed.count(link.source)) // its own problem is reported already
                    return;
                const LinkedSubexpression* expanded = expansionOf(k);
                const CheckedLink checked = checkOne(k, link, expanded != nullptr);
                // An expanded entry stays too, for the values of its `i` reader
                // (settleExpandedLinks), beside the links of its readers.
                links[link.variable] = checked;
                if (expanded)
                    for (CheckedLink& reader : readersOf(checked, *expanded))
                        links[reader.variable] = std::move(reader);
            });
        for (const Equation& eq : group_.equations.equations())
            if (eq.hasFlag("linked") && !eq.generated && !links.count(eq.name))
                problems.attempt([&] {
                    bool written = false;
                    for (const LinkSpec& link : spec_.links)
                        written = written || link.variable == eq.name;
                    if (!written)
                        throw ModelError({group_.name, "links", 0, 0},
                                         "'" + eq.name +
                                             "' is declared (linked) but no entry of 'links' "
                                             "names its source");
                });
        return links;
    }

private:
    const LinkedSubexpression* expansionOf(size_t k) const {
        for (const LinkedSubexpression& expansion : group_.linkedSubexpressions)
            if (expansion.link == k)
                return &expansion;
        return nullptr;
    }

    /// One link per variable the subexpression reads, each reading its own
    /// source variable at the elements `link` reads (element 0 of a shared one).
    std::vector<CheckedLink> readersOf(const CheckedLink& link,
                                       const LinkedSubexpression& expansion) const {
        const CheckedGroup& source =
            checked_.groups[findGroupSlice(checked_.groups, link.sourceGroup)->group];
        std::vector<CheckedLink> readers;
        for (const LinkedSubexpression::Reader& reader : expansion.readers) {
            if (reader.sourceIndex)
                continue; // a parameter of its own (sourceIndexValues)
            CheckedLink read = link;
            read.variable = reader.name;
            read.sourceVariable = reader.sourceVariable;
            const auto symbol = source.scope->lookup(reader.sourceVariable);
            if (symbol && symbol->kind == SymbolKind::Shared) {
                read.element = CheckedLink::Element::Fixed;
                read.offset = 0;
                read.indices.clear();
            }
            readers.push_back(std::move(read));
        }
        return readers;
    }

    /// `readsSubexpression`: the entry's variable was expanded into a
    /// subexpression of this group that reads its source's subexpression.
    CheckedLink checkOne(size_t k, const LinkSpec& link, bool readsSubexpression) const {
        if (!readsSubexpression && !isLinked(group_, link.variable))
            fail(k, "variable",
                 "'" + link.variable + "' is not a (linked) parameter of '" + group_.name + "'");
        const auto slice = findGroupSlice(checked_.groups, link.source);
        if (!slice)
            fail(k, "source", "unknown group '" + link.source + "'");
        const CheckedGroup& source = checked_.groups[slice->group];
        if (!readsSubexpression && !isReadable(source, link.sourceVariable))
            fail(k, "source_variable",
                 "'" + link.sourceVariable + "' is not a variable of '" + source.name +
                     "' (a link reads parameters, differential variables and subexpressions)");
        const Dimension own = group_.scope->lookup(link.variable)->dim;
        const auto target = source.scope->lookup(link.sourceVariable);
        if (!(target->dim == own))
            fail(k, "source_variable",
                 "the unit of '" + link.variable + "' (" + displayUnit(own) +
                     ") does not match that of its source '" + link.source + "." +
                     link.sourceVariable + "' (" + displayUnit(target->dim) + ")");
        CheckedLink checked{link.variable, source.name, link.sourceVariable};
        place(k, link, *slice, target->kind == SymbolKind::Shared, checked);
        return checked;
    }

    /// Which source element each neuron reads, as Brian2's linked_var decides.
    void place(size_t k, const LinkSpec& link, const GroupSlice& slice, bool shared,
               CheckedLink& checked) const {
        const long long size = slice.range.size;
        if (link.hasIndex) {
            if (shared)
                fail(k, "index",
                     "'" + link.source + "." + link.sourceVariable +
                         "' is shared (one value); leave 'index' out");
            if (static_cast<long long>(link.index.size()) != group_.size)
                fail(k, "index",
                     "expected " + std::to_string(group_.size) + " indices, one per neuron of '" +
                         group_.name + "', got " + std::to_string(link.index.size()));
            for (long long index : link.index)
                if (index < 0 || index >= size)
                    fail(k, "index",
                         "index " + std::to_string(index) + " is outside '" + link.source +
                             "' (N = " + std::to_string(size) + ")");
            checked.element = CheckedLink::Element::Indexed;
            for (long long index : link.index)
                checked.indices.push_back(index + slice.range.start);
            return;
        }
        if (shared || (size == 1 && group_.size != 1)) {
            checked.element = CheckedLink::Element::Fixed;
            checked.offset = shared ? 0 : slice.range.start;
            return;
        }
        if (size != group_.size)
            fail(k, "source",
                 "'" + link.source + "' has " + std::to_string(size) + " neurons and '" +
                     group_.name + "' " + std::to_string(group_.size) +
                     "; give an 'index' saying which neuron each one reads");
        checked.element = CheckedLink::Element::Offset;
        checked.offset = slice.range.start;
    }

    [[noreturn]] void fail(size_t k, const std::string& part, const std::string& problem) const {
        throw ModelError({group_.name, linkField(k, part), 0, 0}, problem);
    }

    const CheckedModel& checked_;
    const GroupSpec& spec_;
    const CheckedGroup& group_;
};

/// `first` followed by `then`: neuron k reads then's element at first's element k.
CheckedLink compose(const CheckedLink& first, const CheckedLink& then, long long size) {
    CheckedLink link{first.variable, then.sourceGroup, then.sourceVariable};
    using E = CheckedLink::Element;
    if (then.element == E::Fixed || first.element == E::Fixed) {
        link.element = E::Fixed;
        link.offset = then.element == E::Fixed ? then.offset : then.elementOf(first.offset);
    } else if (first.element == E::Offset && then.element == E::Offset) {
        link.element = E::Offset;
        link.offset = first.offset + then.offset;
    } else {
        link.element = E::Indexed;
        link.indices.reserve(static_cast<size_t>(size));
        for (long long k = 0; k < size; ++k)
            link.indices.push_back(then.elementOf(first.elementOf(k)));
    }
    return link;
}

using LinkKey = std::pair<std::string, std::string>; // group, variable

/// Follows a link through linked sources to a stored array; a chain that
/// comes back to a variable it passed is refused.
CheckedLink follow(const CheckedLink& start, const std::string& group, long long size,
                   const std::map<LinkKey, CheckedLink>& direct) {
    CheckedLink link = start;
    std::vector<LinkKey> path{{group, start.variable}};
    for (;;) {
        const LinkKey next{link.sourceGroup, link.sourceVariable};
        const auto found = direct.find(next);
        if (found == direct.end())
            return link;
        if (std::find(path.begin(), path.end(), next) != path.end()) {
            std::string chain;
            for (const LinkKey& step : path)
                chain += step.first + "." + step.second + " -> ";
            throw ModelError({group, "links", 0, 0}, "the link of '" + start.variable +
                                                         "' leads back to itself (" + chain +
                                                         next.first + "." + next.second + ")");
        }
        path.push_back(next);
        link = compose(link, found->second, size);
    }
}

/// The values of the `i` reader of `expansion`: the source element each
/// neuron's link reads, as Brian2's `i` of the source counts them.
ElementAssignment sourceIndexValues(const LinkedSubexpression& expansion,
                                    const LinkedSubexpression::Reader& reader,
                                    const CheckedLink& link, long long size) {
    ElementAssignment values;
    values.field = linkField(expansion.link, "");
    values.target = reader.name;
    for (long long k = 0; k < size; ++k)
        values.values.push_back(static_cast<double>(link.elementOf(k)));
    return values;
}

/// A link expanded into a subexpression holds no array: its readers do.
/// What it says is kept only in the values of its `i` reader.
void settleExpandedLinks(CheckedGroup& group, std::map<LinkKey, CheckedLink>& direct) {
    for (const LinkedSubexpression& expansion : group.linkedSubexpressions) {
        const auto found = direct.find({group.name, expansion.variable});
        if (found == direct.end())
            continue; // its entry failed its check
        for (const LinkedSubexpression::Reader& reader : expansion.readers)
            if (reader.sourceIndex)
                group.assignments.insert(
                    group.assignments.begin(),
                    sourceIndexValues(expansion, reader, found->second, group.size));
        direct.erase(found);
    }
}

} // namespace

void checkLinks(CheckedModel& checked, const std::set<std::string>& failed,
                ProblemCollector& problems) {
    std::map<LinkKey, CheckedLink> direct;
    for (const GroupSpec& spec : checked.model.groups) {
        const auto group =
            std::find_if(checked.groups.begin(), checked.groups.end(),
                         [&spec](const CheckedGroup& g) { return g.name == spec.name; });
        if (group == checked.groups.end())
            continue;
        for (auto& [variable, link] : DirectLinks(checked, spec, *group).check(failed, problems))
            direct[{group->name, variable}] = std::move(link);
    }
    for (CheckedGroup& group : checked.groups)
        settleExpandedLinks(group, direct);
    for (CheckedGroup& group : checked.groups)
        for (const auto& entry : direct) // clang 14 cannot capture structured bindings
            if (entry.first.first == group.name)
                problems.attempt([&] {
                    group.links.push_back(follow(entry.second, group.name, group.size, direct));
                });
}

} // namespace spikestudio
