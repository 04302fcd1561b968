#pragma once

#include "codegen/GroupView.h"
#include "codegen/KernelBody.h"
#include "codegen/KernelSource.h"

namespace spikestudio {

/// The state update of a group integrated by a GSL method: its right-hand
/// side (the group's state update code, `_gsl_f<k>` per component) as a C
/// function the solver calls, and a loop handing each element to the solver
/// (engine/GslSolver.h, codegen/templates/stateupdate_gsl.c).
KernelSource writeGslStateUpdate(const CheckedGroup& group, const GroupView& view,
                                 const ConstantTable& constants);

} // namespace spikestudio
