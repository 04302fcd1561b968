#include "diagnostics/ModelProblems.h"

namespace spikestudio {

ModelProblems::ModelProblems(std::vector<ModelError> problems)
    : ModelError(problems.at(0).where(), problems.at(0).problem()), problems_(std::move(problems)) {
}

} // namespace spikestudio
