#include "engine/TccCompiler.h"

#include "engine/RuntimeSymbols.h"

#include <libtcc.h>
#include <stdexcept>

namespace spikestudio {

namespace {

// The whitelist: the only functions a kernel can reach.
void addRuntimeSymbols(TCCState* state) {
    for (const RuntimeSymbol& symbol : runtimeSymbols())
        tcc_add_symbol(state, symbol.name, symbol.address);
}

void collectError(void* opaque, const char* message) {
    auto* errors = static_cast<std::string*>(opaque);
    if (!errors->empty())
        *errors += "\n";
    *errors += message;
}

} // namespace

std::shared_ptr<CompiledKernel> TccCompiler::compile(const std::string& source) {
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
    std::shared_ptr<void> module(state,
                                 [](void* owned) { tcc_delete(static_cast<TCCState*>(owned)); });
    return std::make_shared<CompiledKernel>(std::move(module), function);
}

} // namespace spikestudio
