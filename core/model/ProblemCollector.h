#pragma once

#include "diagnostics/ModelProblems.h"

#include <string>
#include <vector>

namespace spikestudio {

/// Collects the problems a check finds, so that checking goes on past the
/// first wherever the rest can still be checked meaningfully.
class ProblemCollector {
public:
    /// Runs `body`; keeps what it throws as a ModelError (every problem of a
    /// ModelProblems). Returns whether it ran through.
    template <typename Body> bool attempt(Body body) {
        try {
            body();
            return true;
        } catch (const ModelProblems& problems) {
            problems_.insert(problems_.end(), problems.all().begin(), problems.all().end());
        } catch (const ModelError& error) {
            problems_.push_back(error);
        }
        return false;
    }

    bool empty() const { return problems_.empty(); }

    /// Throws ModelProblems holding every problem kept, if there is one.
    void throwIfAny() const {
        if (!problems_.empty())
            throw ModelProblems(problems_);
    }

private:
    std::vector<ModelError> problems_;
};

} // namespace spikestudio
