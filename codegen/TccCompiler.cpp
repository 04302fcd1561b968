#include "TccCompiler.h"

#include "expr/MathFunctions.h"
#include "runtime/BinomialSampler.h"
#include "runtime/LinearPropagator.h"
#include "runtime/PoissonSampler.h"
#include "runtime/RandomGenerator.h"
#include "runtime/SpikeQueue.h"
#include "runtime/TimedArrayLookup.h"

#include <chrono>
#include <cmath>
#include <libtcc.h>
#include <stdexcept>

namespace spikestudio {

CompiledKernel::CompiledKernel(TCCState* state, SpikeStudioKernel function, double milliseconds)
    : state_(state), function_(function), compileMilliseconds_(milliseconds) {}

CompiledKernel::~CompiledKernel() {
    tcc_delete(state_);
}

namespace {

using UnaryMath = double (*)(double);
using BinaryMath = double (*)(double, double);

// The whitelist: the only functions a kernel can reach.
void addRuntimeSymbols(TCCState* state) {
    const std::pair<const char*, UnaryMath> unary[] = {
        {"sin", ::sin},
        {"cos", ::cos},
        {"tan", ::tan},
        {"sinh", ::sinh},
        {"cosh", ::cosh},
        {"tanh", ::tanh},
        {"asin", ::asin},
        {"acos", ::acos},
        {"atan", ::atan},
        {"exp", ::exp},
        {"log", ::log},
        {"log10", ::log10},
        {"expm1", ::expm1},
        {"log1p", ::log1p},
        {"sqrt", ::sqrt},
        {"fabs", ::fabs},
        {"ceil", ::ceil},
        {"floor", ::floor},
        {"spikestudio_exprel", spikestudio_exprel},
        {"spikestudio_sign", spikestudio_sign},
        {"spikestudio_int", spikestudio_int},
    };
    for (const auto& [name, function] : unary)
        tcc_add_symbol(state, name, reinterpret_cast<const void*>(function));
    const std::pair<const char*, BinaryMath> binary[] = {
        {"pow", ::pow},
        {"spikestudio_floordiv", spikestudio_floordiv},
        {"spikestudio_mod", spikestudio_mod},
        {"spikestudio_timestep", spikestudio_timestep},
    };
    for (const auto& [name, function] : binary)
        tcc_add_symbol(state, name, reinterpret_cast<const void*>(function));
    tcc_add_symbol(state, "spikestudio_clip", reinterpret_cast<const void*>(spikestudio_clip));
    tcc_add_symbol(state, "spikestudio_rand", reinterpret_cast<const void*>(spikestudio_rand));
    tcc_add_symbol(state, "spikestudio_randn", reinterpret_cast<const void*>(spikestudio_randn));
    tcc_add_symbol(state, "spikestudio_poisson",
                   reinterpret_cast<const void*>(spikestudio_poisson));
    tcc_add_symbol(state, "spikestudio_linear_propagator",
                   reinterpret_cast<const void*>(spikestudio_linear_propagator));
    tcc_add_symbol(state, "spikestudio_binomial_inversion",
                   reinterpret_cast<const void*>(spikestudio_binomial_inversion));
    tcc_add_symbol(state, "spikestudio_timed_array_1d",
                   reinterpret_cast<const void*>(spikestudio_timed_array_1d));
    tcc_add_symbol(state, "spikestudio_timed_array_2d",
                   reinterpret_cast<const void*>(spikestudio_timed_array_2d));
    tcc_add_symbol(state, "spikestudio_queue_push",
                   reinterpret_cast<const void*>(spikestudio_queue_push));
    tcc_add_symbol(state, "spikestudio_queue_peek",
                   reinterpret_cast<const void*>(spikestudio_queue_peek));
    tcc_add_symbol(state, "spikestudio_queue_advance",
                   reinterpret_cast<const void*>(spikestudio_queue_advance));
}

void collectError(void* opaque, const char* message) {
    auto* errors = static_cast<std::string*>(opaque);
    if (!errors->empty())
        *errors += "\n";
    *errors += message;
}

} // namespace

std::shared_ptr<CompiledKernel> TccCompiler::compile(const std::string& source) {
    const auto start = std::chrono::steady_clock::now();
    TCCState* state = tcc_new();
    if (!state)
        throw std::runtime_error("libtcc could not start");
    std::string errors;
    tcc_set_error_func(state, &errors, collectError);
    tcc_set_options(state, "-nostdlib -nostdinc");
    tcc_set_output_type(state, TCC_OUTPUT_MEMORY);
    addRuntimeSymbols(state);
    if (tcc_compile_string(state, source.c_str()) != 0 ||
        tcc_relocate(state, TCC_RELOCATE_AUTO) < 0) {
        tcc_delete(state);
        throw std::runtime_error("internal error: generated kernel does not compile: " + errors);
    }
    auto function =
        reinterpret_cast<SpikeStudioKernel>(tcc_get_symbol(state, "spikestudio_kernel"));
    if (!function) {
        tcc_delete(state);
        throw std::runtime_error("internal error: generated kernel has no entry point");
    }
    const double milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return std::make_shared<CompiledKernel>(state, function, milliseconds);
}

} // namespace spikestudio
