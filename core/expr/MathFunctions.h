#pragma once

#include <cmath>
#include <cstdint>

/// Numeric meaning of the language's operators and built-ins that C lacks.
/// Shared by the constant folder and, as whitelisted symbols, by compiled kernels,
/// so that both give the same numbers. C linkage: kernels call them by name.
/// sign, floordiv, clip and timestep have C twins in the kernels' prelude
/// (codegen/templates/prelude.c): change both together.
extern "C" {

/// exp(x) as every kernel and the constant folder compute it (ExpFunction.inc:
/// its accuracy, and why it is not libm's).
double spikestudio_exp(double x);
/// Brian2's exprel: (exp(x) - 1)/x, 1 near 0, inf for large x.
double spikestudio_exprel(double x);
/// Python's floored division and modulo (the sign follows the divisor).
double spikestudio_floordiv(double a, double b);
double spikestudio_mod(double a, double b);
double spikestudio_sign(double x);
double spikestudio_clip(double x, double low, double high);
/// Brian2's timestep(t, dt) = (int64)((t + 1e-3*dt)/dt).
double spikestudio_timestep(double t, double dt);
/// Python's int(): truncation toward zero.
double spikestudio_int(double x);
}
