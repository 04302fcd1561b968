#include "runtime/SolverWatch.h"

#include "runtime/Network.h"

#include <sstream>

namespace spikestudio {

namespace {

std::string failureMessage(const GroupState& group, double element, double time) {
    std::ostringstream text;
    text << "'" << group.name << "', field 'method_options': the GSL solver could not integrate "
         << "neuron " << static_cast<long long>(element) << " over the step at t = " << time * 1e3
         << " ms within its absolute errors (in max_steps steps, or in one step of dt when "
         << "adaptable_timestep is False); raise max_steps or the absolute errors";
    return text.str();
}

} // namespace

bool SolverWatch::keepGoing(const Network& network) {
    if (problem_)
        return false;
    for (const GroupState& group : network.groups()) {
        if (group.solverSteps.empty())
            continue;
        const size_t failure = static_cast<size_t>(group.size);
        if (group.solverSteps[failure] != 0.0) {
            problem_ = failureMessage(group, group.solverSteps[failure] - 1.0,
                                      group.solverSteps[failure + 1]);
            return false;
        }
    }
    return true;
}

} // namespace spikestudio
