#pragma once

/// Exact propagator of dX/dt = M X + B over one step (C linkage: kernels call it).
/// Writes A = exp(M dt) and G = integral_0^dt exp(M s) ds, both n x n row-major,
/// so that X(t + dt) = A X(t) + G B. Works for singular M too (G = dt*I when M = 0).
/// n is at most kMaxLinearSystem.
extern "C" void spikestudio_linear_propagator(int n, const double* M, double dt, double* A,
                                              double* G);

namespace spikestudio {
constexpr int kMaxLinearSystem = 16;
}
