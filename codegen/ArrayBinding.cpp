#include "codegen/ArrayBinding.h"

namespace spikestudio {

namespace {
std::string sideName(SynapseSide side) {
    return side == SynapseSide::Pre ? "pre" : "post";
}
} // namespace

std::string describe(const ArrayBinding& binding) {
    struct Describe {
        std::string operator()(const binding::OwnVariable& own) const { return own.name; }
        std::string operator()(const binding::GroupVariable& group) const {
            return sideName(group.side) + " " + group.name;
        }
        std::string operator()(const binding::TimedArrayValues& timed) const {
            return "TimedArray " + timed.name;
        }
        std::string operator()(const binding::SynapsesPerNeuron& count) const {
            return count.side == SynapseSide::Pre ? "N_outgoing" : "N_incoming";
        }
        std::string operator()(const binding::RecordedIndices&) const { return "recorded indices"; }
        std::string operator()(const binding::RecordRow&) const { return "record row"; }
        std::string operator()(const binding::LinkedSource& source) const {
            return "linked " + source.group + "." + source.variable;
        }
        std::string operator()(const binding::LinkIndices& indices) const {
            return "link indices of " + indices.group + "." + indices.variable;
        }
        std::string operator()(const binding::SolverSteps&) const { return "solver steps"; }
    };
    return std::visit(Describe{}, binding);
}

} // namespace spikestudio
