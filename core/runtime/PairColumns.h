#pragma once

#include "runtime/GroupState.h"
#include "runtime/VectorEvaluator.h"

#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// The names connect expressions read, for one source neuron i over a set of
/// candidates: i and x_pre are uniform, j, the loop variable and x_post are
/// given or gathered per candidate.
class PairColumns {
public:
    PairColumns(const GroupState& source, const GroupState& target, std::string variable)
        : source_(source), target_(target), variable_(std::move(variable)) {}

    void setSource(long long i) { i_ = i; }
    void setCandidates(const std::vector<double>* candidates, const std::vector<double>* j) {
        candidates_ = candidates;
        j_ = j;
    }

    /// Whether `name` can have another value for another source or target:
    /// i, j, the loop variable and the groups' variables.
    bool varies(const std::string& name) const;

    std::optional<Column> operator()(const std::string& name) const;

private:
    const GroupState& source_;
    const GroupState& target_;
    std::string variable_;
    long long i_ = 0;
    const std::vector<double>* candidates_ = nullptr;
    const std::vector<double>* j_ = nullptr;
};

} // namespace spikestudio
