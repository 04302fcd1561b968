#include "engine/RuntimeSymbols.h"

#include "engine/GslSolver.h"
#include "expr/MathFunctions.h"
#include "runtime/BinomialSampler.h"
#include "runtime/LinearPropagator.h"
#include "runtime/PoissonSampler.h"
#include "runtime/RandomGenerator.h"
#include "runtime/SpikeQueue.h"
#include "runtime/TimedArrayLookup.h"

#include <cmath>

namespace spikestudio {

namespace {

using UnaryMath = double (*)(double);
using BinaryMath = double (*)(double, double);

const void* address(UnaryMath function) {
    return reinterpret_cast<const void*>(function);
}

const void* address(BinaryMath function) {
    return reinterpret_cast<const void*>(function);
}

template <typename Function> const void* helper(Function function) {
    return reinterpret_cast<const void*>(function);
}

std::vector<RuntimeSymbol> makeSymbols() {
    return {
        {"sin", address(::sin), false},
        {"cos", address(::cos), false},
        {"tan", address(::tan), false},
        {"sinh", address(::sinh), false},
        {"cosh", address(::cosh), false},
        {"tanh", address(::tanh), false},
        {"asin", address(::asin), false},
        {"acos", address(::acos), false},
        {"atan", address(::atan), false},
        {"log", address(::log), false},
        {"log10", address(::log10), false},
        {"expm1", address(::expm1), false},
        {"log1p", address(::log1p), false},
        {"sqrt", address(::sqrt), false},
        {"fabs", address(::fabs), false},
        {"ceil", address(::ceil), false},
        {"floor", address(::floor), false},
        {"pow", address(::pow), false},
        {"spikestudio_exp", helper(spikestudio_exp), true, true},
        {"spikestudio_exprel", helper(spikestudio_exprel), true},
        {"spikestudio_int", helper(spikestudio_int), true},
        {"spikestudio_mod", helper(spikestudio_mod), true},
        {"spikestudio_rand", helper(spikestudio_rand), true},
        {"spikestudio_randn", helper(spikestudio_randn), true},
        {"spikestudio_poisson", helper(spikestudio_poisson), true},
        {"spikestudio_linear_propagator", helper(spikestudio_linear_propagator), true},
        {"spikestudio_binomial_inversion", helper(spikestudio_binomial_inversion), true},
        {"spikestudio_binomial", helper(spikestudio_binomial), true},
        {"spikestudio_timed_array_1d", helper(spikestudio_timed_array_1d), true},
        {"spikestudio_timed_array_2d", helper(spikestudio_timed_array_2d), true},
        {"spikestudio_queue_push", helper(spikestudio_queue_push), true},
        {"spikestudio_queue_block", helper(spikestudio_queue_block), true},
        {"spikestudio_queue_advance", helper(spikestudio_queue_advance), true},
        {"spikestudio_ode_begin", helper(spikestudio_ode_begin), true},
        {"spikestudio_ode_step", helper(spikestudio_ode_step), true},
        {"spikestudio_ode_end", helper(spikestudio_ode_end), true},
    };
}

} // namespace

const std::vector<RuntimeSymbol>& runtimeSymbols() {
    static const std::vector<RuntimeSymbol> symbols = makeSymbols();
    return symbols;
}

} // namespace spikestudio
