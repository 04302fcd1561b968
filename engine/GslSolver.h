#pragma once

#include <cstdint>

/* The GSL state update's helpers (Brian2's gsl_* methods), called by the
 * kernels of codegen/templates/stateupdate_gsl.c. A kernel call opens one
 * solver (Brian2's gsl_odeiv2_driver, made once per step), integrates each
 * of its elements over [t, t + dt] with it, and closes it. */

/* dy/dt at (t, y) into f; `call` is the kernel's own (SpikeStudioOdeCall). */
typedef void (*SpikeStudioRightHandSide)(double t, const double* y, double* f, void* call);

/* `stepper`: 0 rk2, 1 rk4, 2 rkf45, 3 rkck, 4 rk8pd; `absoluteErrors`: one
 * per component, the bound GSL's step control keeps each step's error in;
 * `flags`: 1 adaptable step size, 2 start each element from its last step. */
extern "C" void* spikestudio_ode_begin(std::int64_t stepper, std::int64_t dimension,
                                       const double* absoluteErrors, std::int64_t maxSteps,
                                       std::int64_t flags, double dt, SpikeStudioRightHandSide rhs,
                                       void* call);

/* Integrates `element`'s state `y` from t to t + dt. `steps` is the group's
 * solverSteps (size + 2 entries): the element's last step size is read and
 * written there, and a failure is noted at steps[size] (element + 1, the
 * first one only) and steps[size + 1] (t). `counts` receives the steps the
 * solver took and those it rejected (Brian2's _step_count, _failed_steps). */
extern "C" void spikestudio_ode_step(void* solver, double* steps, std::int64_t size,
                                     std::int64_t element, double t, double* y, double* counts);

extern "C" void spikestudio_ode_end(void* solver);
