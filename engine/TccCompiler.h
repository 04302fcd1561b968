#pragma once

#include "engine/CompiledKernel.h"

#include <memory>
#include <string>

namespace spikestudio {

/// Compiles generated C in memory with libtcc. The kernel is built with
/// -nostdlib: it can call only the symbols added here (libm's functions, the
/// language's helpers, the random generator, the linear propagator). The
/// entry point must be called `spikestudio_kernel`.
class TccCompiler {
public:
    /// Throws std::runtime_error with tcc's message if the source does not
    /// compile (a bug in the generator: user text never reaches this point).
    static std::shared_ptr<CompiledKernel> compile(const std::string& source);
};

} // namespace spikestudio
