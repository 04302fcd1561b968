#pragma once

#include "diagnostics/ModelError.h"

#include <vector>

namespace spikestudio {

/// Every problem the checker found in a model, in the order found. It is the
/// first of them as a ModelError (what() is the first message), so callers
/// that report one problem keep reporting the same one.
class ModelProblems : public ModelError {
public:
    /// `problems` must not be empty.
    explicit ModelProblems(std::vector<ModelError> problems);

    const std::vector<ModelError>& all() const { return problems_; }

private:
    std::vector<ModelError> problems_;
};

} // namespace spikestudio
