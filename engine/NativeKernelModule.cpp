#include "engine/NativeKernelModule.h"

#include "engine/RuntimeSymbols.h"

#include <cerrno>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <stdexcept>
#include <sys/mman.h>
#include <unistd.h>

namespace spikestudio {

namespace {

std::string slotName(const char* helper) {
    return std::string("spikestudio_slot_") + helper;
}

/// A loaded shared object and the memory file it was mapped from. The file
/// stays open while the object is loaded: dlopen recognises objects by path
/// too, and "/proc/self/fd/N" must not name a second object while it lives.
struct LoadedModule {
    int memoryFile = -1;
    void* handle = nullptr;

    ~LoadedModule() {
        if (handle)
            dlclose(handle);
        if (memoryFile >= 0)
            close(memoryFile);
    }
};

[[noreturn]] void cannotLoad(const std::string& reason) {
    throw std::runtime_error("cannot load a native kernel: " + reason);
}

/// A memory file holding `image`, sealed against any change of its bytes or size.
int sealedMemoryFile(const std::string& image) {
#ifndef MFD_EXEC
    constexpr unsigned MFD_EXEC =
        0x10U; // Linux 6.3: executable even where memfds default to noexec
#endif
    int fd = memfd_create("spikestudio-kernel", MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_EXEC);
    if (fd < 0 && errno == EINVAL) // a kernel older than MFD_EXEC
        fd = memfd_create("spikestudio-kernel", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        cannotLoad(std::string("no memory file: ") + std::strerror(errno));
    size_t written = 0;
    while (written < image.size()) {
        const ssize_t count = write(fd, image.data() + written, image.size() - written);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0) {
            close(fd);
            cannotLoad(std::string("cannot fill a memory file: ") + std::strerror(errno));
        }
        written += static_cast<size_t>(count);
    }
    if (fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
        close(fd);
        cannotLoad(std::string("cannot seal a memory file: ") + std::strerror(errno));
    }
    return fd;
}

/// Fills the kernel's helper slots and returns its entry point.
SpikeStudioKernel bindLoadedKernel(void* handle) {
    for (const RuntimeSymbol& symbol : runtimeSymbols()) {
        if (!symbol.isHelper || symbol.libtccOnly)
            continue;
        if (void* slot = dlsym(handle, slotName(symbol.name).c_str()))
            *static_cast<const void**>(slot) = symbol.address;
    }
    return reinterpret_cast<SpikeStudioKernel>(dlsym(handle, "spikestudio_kernel"));
}

} // namespace

std::string NativeKernelModule::slotsPrelude() {
    std::string prelude = "/* Native tier: helpers are called through slots set at load time. */\n";
    for (const RuntimeSymbol& symbol : runtimeSymbols())
        if (symbol.isHelper && !symbol.libtccOnly)
            prelude +=
                std::string("#define ") + symbol.name + " (*" + slotName(symbol.name) + ")\n";
    return prelude;
}

const std::set<std::string>& NativeKernelModule::allowedImports() {
    static const std::set<std::string> names = [] {
        std::set<std::string> libm;
        for (const RuntimeSymbol& symbol : runtimeSymbols())
            if (!symbol.isHelper)
                libm.insert(symbol.name);
        return libm;
    }();
    return names;
}

std::shared_ptr<CompiledKernel> NativeKernelModule::load(const std::string& image) {
    auto module = std::make_shared<LoadedModule>();
    module->memoryFile = sealedMemoryFile(image);
    const std::string path = "/proc/self/fd/" + std::to_string(module->memoryFile);
    if (void* stale = dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD)) {
        dlclose(stale); // an object loaded earlier under this name is still there
        cannotLoad("the name " + path + " is taken by another loaded object");
    }
    module->handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module->handle) {
        const char* error = dlerror();
        cannotLoad(error ? error : "dlopen failed");
    }
    const SpikeStudioKernel function = bindLoadedKernel(module->handle);
    if (!function)
        throw std::runtime_error("internal error: native kernel has no entry point");
    return std::make_shared<CompiledKernel>(std::shared_ptr<void>(module, module.get()), function);
}

} // namespace spikestudio
