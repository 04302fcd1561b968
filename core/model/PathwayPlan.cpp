#include "model/PathwayPlan.h"

#include "diagnostics/ModelError.h"
#include "equations/NameRules.h"
#include "model/GroupEvents.h"
#include "model/PathwaysJson.h"

#include <algorithm>

namespace spikestudio {

namespace {

class PathwayPlanner {
public:
    PathwayPlanner(const SynapsesSpec& spec, const CheckedGroup& source, const CheckedGroup& target,
                   const EquationSet& equations)
        : spec_(spec), source_(source), target_(target), equations_(equations) {}

    std::vector<PathwayPlan> run() {
        refuseListeningToSynapses(spec_.onPre, "on_pre", source_);
        refuseListeningToSynapses(spec_.onPost, "on_post", target_);
        if (!spec_.onPre.empty())
            plans_.push_back(
                {"pre", SynapseSide::Pre, spec_.onPre, "on_pre", spec_.delay, "delay"});
        if (!spec_.onPost.empty())
            plans_.push_back(
                {"post", SynapseSide::Post, spec_.onPost, "on_post", "", "", kSpikeEvent});
        for (size_t k = 0; k < spec_.pathways.size(); ++k)
            plans_.push_back(plan(spec_.pathways[k], k));
        refuseOrphanDelay();
        std::stable_partition(plans_.begin(), plans_.end(),
                              [](const PathwayPlan& p) { return p.side == SynapseSide::Pre; });
        return plans_;
    }

private:
    /// A group needs no threshold for on_pre or on_post (the code then never
    /// runs), but synapses read or acted on have no events at all (Brian2
    /// refuses such code).
    void refuseListeningToSynapses(const std::string& code, const char* field,
                                   const CheckedGroup& listened) const {
        if (!code.empty() && listened.ofSynapses)
            throw ModelError({spec_.name, field, 0, 0}, missingEventProblem(listened, kSpikeEvent));
    }

    [[noreturn]] void fail(size_t index, const char* part, const std::string& problem) const {
        throw ModelError({spec_.name, pathwayField(index, part), 0, 0}, problem);
    }

    PathwayPlan plan(const PathwaySpec& pathway, size_t k) const {
        PathwayPlan result;
        result.name = pathway.name;
        result.side = side(pathway, k);
        checkName(pathway.name, k);
        result.code = pathway.code;
        result.codeField = pathwayField(k, "code");
        result.delay = pathway.delay;
        result.delayField = pathwayField(k, "delay");
        if (!pathway.event.empty())
            result.event = pathway.event;
        const CheckedGroup& listening = result.side == SynapseSide::Pre ? source_ : target_;
        if (const std::string problem = missingEventProblem(listening, result.event);
            !problem.empty())
            fail(k, "event", problem);
        return result;
    }

    /// One form per direction, as Brian2's on_pre is either a string or a dict.
    SynapseSide side(const PathwaySpec& pathway, size_t k) const {
        if (pathway.direction != "pre" && pathway.direction != "post")
            fail(k, "direction", "expected \"pre\" or \"post\", not \"" + pathway.direction + "\"");
        const bool pre = pathway.direction == "pre";
        const std::string& simple = pre ? spec_.onPre : spec_.onPost;
        if (!simple.empty())
            fail(k, "direction",
                 std::string("'on_") + pathway.direction + "' and pathways of direction '" +
                     pathway.direction + "' cannot be combined; write the 'on_" +
                     pathway.direction + "' code as the pathway '" + pathway.direction +
                     "' in 'pathways'");
        return pre ? SynapseSide::Pre : SynapseSide::Post;
    }

    void checkName(const std::string& name, size_t k) const {
        if (const std::string why = whyNameIsRefused(name); !why.empty())
            fail(k, "name", why);
        if (equations_.find(name))
            fail(k, "name",
                 "'" + name + "' is a variable of '" + spec_.name +
                     "'; a pathway needs a name of its own");
        for (const PathwayPlan& other : plans_)
            if (other.name == name)
                fail(k, "name",
                     "another pathway of '" + spec_.name + "' is already called '" + name + "'");
    }

    /// The object's `delay` is on_pre's: without on_pre but with pre pathways
    /// it would be ambiguous.
    void refuseOrphanDelay() const {
        if (spec_.delay.empty() || !spec_.onPre.empty())
            return;
        for (const PathwayPlan& plan : plans_)
            if (plan.side == SynapseSide::Pre)
                throw ModelError({spec_.name, "delay", 0, 0},
                                 "'delay' is the delay of 'on_pre', which is not given; write "
                                 "each pathway's delay as its own 'delay' in 'pathways'");
    }

    const SynapsesSpec& spec_;
    const CheckedGroup& source_;
    const CheckedGroup& target_;
    const EquationSet& equations_;
    std::vector<PathwayPlan> plans_;
};

} // namespace

std::vector<PathwayPlan> planPathways(const SynapsesSpec& spec, const CheckedGroup& source,
                                      const CheckedGroup& target, const EquationSet& equations) {
    return PathwayPlanner(spec, source, target, equations).run();
}

} // namespace spikestudio
