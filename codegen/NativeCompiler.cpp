#include "NativeCompiler.h"

#include "ChildProcess.h"
#include "KernelCache.h"
#include "RuntimeSymbols.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace spikestudio {

namespace {

namespace fs = std::filesystem;

// -fno-builtin-* keeps the compiler from evaluating or replacing libm's
// functions (pow(x, 2) -> x*x, exp of a constant at compile time), which
// could differ from libm in the last bit; sqrt, fabs, floor and ceil are
// exact in IEEE arithmetic and stay built in.
const std::vector<std::string>& compilerFlags() {
    static const std::vector<std::string> flags = {"-O3",
                                                   "-fPIC",
                                                   "-shared",
                                                   "-std=gnu11",
                                                   "-nostdinc",
                                                   "-w",
                                                   "-ffp-contract=off",
                                                   "-fno-math-errno",
                                                   "-fno-builtin-sin",
                                                   "-fno-builtin-cos",
                                                   "-fno-builtin-tan",
                                                   "-fno-builtin-sinh",
                                                   "-fno-builtin-cosh",
                                                   "-fno-builtin-tanh",
                                                   "-fno-builtin-asin",
                                                   "-fno-builtin-acos",
                                                   "-fno-builtin-atan",
                                                   "-fno-builtin-exp",
                                                   "-fno-builtin-log",
                                                   "-fno-builtin-log10",
                                                   "-fno-builtin-expm1",
                                                   "-fno-builtin-log1p",
                                                   "-fno-builtin-pow"};
    return flags;
}

/// Spike Studio's helpers live in this process, not in a library the shared
/// object could link against: the kernel reaches them through pointers
/// ("slots") that the loader fills in. The prelude's declarations turn into
/// the slots' definitions and every call into a call through the slot.
std::string slotName(const char* helper) {
    return std::string("spikestudio_slot_") + helper;
}

std::string helperSlotsPrelude() {
    std::string prelude = "/* Native tier: helpers are called through slots set at load time. */\n";
    for (const RuntimeSymbol& symbol : runtimeSymbols())
        if (symbol.isHelper)
            prelude +=
                std::string("#define ") + symbol.name + " (*" + slotName(symbol.name) + ")\n";
    return prelude;
}

std::string hexOf(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

std::optional<std::string> readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush())
        throw std::runtime_error("cannot write " + path.string());
}

/// A name no other thread or process uses at the same time, beside `path`.
fs::path scratchNameFor(const fs::path& path) {
    static std::atomic<unsigned> counter{0};
    return path.parent_path() /
           (path.stem().string() + "." + std::to_string(getpid()) + "." +
            std::to_string(counter.fetch_add(1)) + ".tmp" + path.extension().string());
}

/// The CPU `-march=native` means to this compiler: the -m options of the
/// compiler proper as its driver lays them out (`-###` prints the command
/// lines without running them, so this costs no compilation: a few
/// milliseconds, where `-Q --help=target` takes 30 to 40), e.g. "-march=znver3
/// -mmmx ... -mtune=znver3". Empty when the compiler does not name a -march
/// this way (clang), and then no -march is given at all.
std::string nativeTargetOf(const std::string& program) {
    const ProcessResult result = runProcess(
        {program, "-###", "-march=native", "-x", "c", "-c", "/dev/null", "-o", "/dev/null"});
    if (!result.started || result.exitCode != 0)
        return {};
    std::istringstream words(result.output);
    std::string word, target;
    while (words >> word) {
        word.erase(std::remove(word.begin(), word.end(), '"'), word.end());
        if (word.starts_with("-m") && word != "-march=native")
            target += (target.empty() ? "" : " ") + word;
    }
    return target.find("-march=") == std::string::npos ? std::string() : target;
}

/// "znver3" from nativeTargetOf()'s answer.
std::string marchIn(const std::string& target) {
    const size_t value = target.find("-march=") + 7;
    return target.substr(value, target.find(' ', value) - value);
}

std::optional<std::string> compilerVersion(const std::string& program) {
    const ProcessResult result = runProcess({program, "--version"});
    if (!result.started || result.exitCode != 0)
        return std::nullopt;
    const std::string firstLine = result.output.substr(0, result.output.find('\n'));
    return firstLine.empty() ? std::nullopt : std::optional(firstLine);
}

/// Fills the kernel's helper slots and returns its entry point.
SpikeStudioKernel bindLoadedKernel(void* handle) {
    for (const RuntimeSymbol& symbol : runtimeSymbols()) {
        if (!symbol.isHelper)
            continue;
        if (void* slot = dlsym(handle, slotName(symbol.name).c_str()))
            *static_cast<const void**>(slot) = symbol.address;
    }
    return reinterpret_cast<SpikeStudioKernel>(dlsym(handle, "spikestudio_kernel"));
}

std::shared_ptr<CompiledKernel> loadKernel(const fs::path& sharedObject, double milliseconds) {
    void* handle = dlopen(sharedObject.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        throw std::runtime_error(std::string("cannot load a native kernel: ") + dlerror());
    std::shared_ptr<void> module(handle, [](void* loaded) { dlclose(loaded); });
    const SpikeStudioKernel function = bindLoadedKernel(handle);
    if (!function)
        throw std::runtime_error("internal error: native kernel has no entry point");
    return std::make_shared<CompiledKernel>(std::move(module), function, KernelTier::Native,
                                            milliseconds);
}

/// The version at the end of a --version line ("cc (Debian 12.2.0-14) 12.2.0").
std::string shortVersion(const std::string& line) {
    return line.substr(line.find_last_of(' ') + 1);
}

} // namespace

fs::path NativeCompiler::defaultCacheDirectory() {
    if (const char* chosen = std::getenv("SPIKESTUDIO_CACHE_DIR"); chosen && *chosen)
        return chosen;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return fs::path(xdg) / "spikestudio" / "kernels";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".cache" / "spikestudio" / "kernels";
    return fs::temp_directory_path() / ("spikestudio-kernels-" + std::to_string(getuid()));
}

std::optional<NativeCompiler> NativeCompiler::find(std::string* whyNot) {
    std::vector<std::string> candidates = {"cc", "gcc", "clang"};
    if (const char* chosen = std::getenv("SPIKESTUDIO_CC")) {
        if (std::string(chosen) == "none") {
            if (whyNot)
                *whyNot = "the native tier is switched off (SPIKESTUDIO_CC=none)";
            return std::nullopt;
        }
        candidates = {chosen};
    }
    for (const std::string& program : candidates) {
        if (const std::optional<std::string> version = compilerVersion(program)) {
            std::error_code error;
            fs::path cache = defaultCacheDirectory();
            if (!fs::create_directories(cache, error) && !fs::is_directory(cache))
                cache = fs::temp_directory_path();
            return NativeCompiler(program, *version, nativeTargetOf(program), cache);
        }
    }
    if (whyNot)
        *whyNot = candidates.size() == 1 ? "the C compiler " + candidates[0] + " does not run"
                                         : "no system C compiler found (cc, gcc, clang)";
    return std::nullopt;
}

std::string NativeCompiler::description() const {
    const std::string base = fs::path(program_).filename().string() + " " + shortVersion(version_);
    return base + (target_.empty() ? " -O3" : " -O3 -march=" + marchIn(target_));
}

std::vector<std::string> NativeCompiler::flags() const {
    std::vector<std::string> all = compilerFlags();
    if (!target_.empty())
        all.push_back("-march=native");
    return all;
}

std::string NativeCompiler::nativeSource(const std::string& source) const {
    return helperSlotsPrelude() + source;
}

void NativeCompiler::build(const std::string& source, const fs::path& sharedObject,
                           const std::atomic<bool>* cancel) const {
    const fs::path sourceFile =
        scratchNameFor(sharedObject.parent_path() / (sharedObject.stem().string() + ".c"));
    const fs::path objectFile = scratchNameFor(sharedObject);
    writeFile(sourceFile, source);
    std::vector<std::string> arguments = {program_};
    for (const std::string& flag : flags())
        arguments.push_back(flag);
    for (const std::string& rest :
         {std::string("-o"), objectFile.string(), sourceFile.string(), std::string("-lm")})
        arguments.push_back(rest);
    const ProcessResult result = runProcess(arguments, cancel);
    std::error_code ignored;
    if (!result.started || result.exitCode != 0) {
        fs::remove(sourceFile, ignored);
        fs::remove(objectFile, ignored);
        const std::string message =
            result.output.substr(0, result.output.find_last_not_of(" \n") + 1);
        throw std::runtime_error(result.cancelled ? "native compilation cancelled"
                                                  : "the C compiler failed: " + message);
    }
    // The shared object first: a reader that sees the new source sees its code.
    fs::rename(objectFile, sharedObject);
    fs::rename(sourceFile, sharedObject.parent_path() / (sharedObject.stem().string() + ".c"));
}

std::shared_ptr<CompiledKernel> NativeCompiler::compile(const std::string& source, bool* fromCache,
                                                        const std::atomic<bool>* cancel) const {
    const auto start = std::chrono::steady_clock::now();
    const std::string native = nativeSource(source);
    // The resolved target is in the key: a cache shared by machines with
    // different CPUs never loads code built for another one.
    std::string keyText = version_ + "\n" + target_;
    for (const std::string& flag : flags())
        keyText += " " + flag;
    const std::string stem = hexOf(KernelCache::hashOf(keyText + "\n" + native));
    const fs::path sharedObject = cacheDirectory_ / (stem + ".so");
    // The stored source is compared in full: a hash collision never loads the wrong code.
    const bool cached =
        fs::exists(sharedObject) && readFile(cacheDirectory_ / (stem + ".c")) == native;
    if (!cached)
        build(native, sharedObject, cancel);
    if (fromCache)
        *fromCache = cached;
    const double milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return loadKernel(sharedObject, cached ? 0.0 : milliseconds);
}

} // namespace spikestudio
