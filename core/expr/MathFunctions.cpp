#include "expr/MathFunctions.h"

#include <limits>

extern "C" {

// The kernels' prelude embeds the same file; libtcc's kernels call this copy.
#include "expr/ExpFunction.inc"

double spikestudio_exp(double x) {
    return spikestudio_exp_inline(x);
}

double spikestudio_exprel(double x) {
    if (std::fabs(x) < 1e-16)
        return 1.0;
    if (x > 717.0)
        return std::numeric_limits<double>::infinity();
    return std::expm1(x) / x;
}

double spikestudio_floordiv(double a, double b) {
    return std::floor(a / b);
}

double spikestudio_mod(double a, double b) {
    const double remainder = std::fmod(a, b);
    return (remainder != 0.0 && ((remainder < 0) != (b < 0))) ? remainder + b : remainder;
}

double spikestudio_sign(double x) {
    return static_cast<double>((0.0 < x) - (x < 0.0));
}

double spikestudio_clip(double x, double low, double high) {
    return x < low ? low : (x > high ? high : x);
}

double spikestudio_timestep(double t, double dt) {
    const double q = (t + 1e-3 * dt) / dt; // beyond int64 already whole: no undefined cast
    return q > -9.2e18 && q < 9.2e18 ? static_cast<double>(static_cast<int64_t>(q)) : q;
}

double spikestudio_int(double x) {
    return std::trunc(x);
}
}
