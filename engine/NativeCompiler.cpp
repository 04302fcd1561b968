#include "engine/NativeCompiler.h"

#include "engine/CacheFiles.h"
#include "engine/CancelFlag.h"
#include "engine/ChildProcess.h"
#include "engine/CompilerIdentityMemo.h"
#include "engine/KernelObjectAudit.h"
#include "engine/LoadedNativeKernels.h"
#include "engine/NativeKernelModule.h"
#include "engine/NativeObjectCache.h"
#include "engine/PrivateDirectory.h"
#include "engine/ScratchDirectory.h"
#include "engine/Sha256.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace spikestudio {

namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

constexpr milliseconds kDefaultTimeout{120'000};
constexpr double kMaxTimeoutSeconds = 86'400;

// -nostdlib with -z defs: the object links against libm alone and an
// undefined symbol is an error, so the whitelist holds at link time (the
// audit checks the rest). An undeclared function is an error, not a warning.
// -fno-builtin-* keeps the compiler from evaluating or replacing libm's
// functions (pow(x, 2) -> x*x, exp of a constant at compile time), which
// could differ from libm in the last bit; sqrt, fabs, floor and ceil are
// exact in IEEE arithmetic and stay built in. exp is the prelude's own
// (core/expr/ExpFunction.inc), inlined; -fno-trapping-math changes no value,
// it lets the compiler evaluate both arms of a comparison, without which the
// loops calling that exp would not vectorise.
std::vector<std::string> commonFlags() {
    return {"-O3",
            "-fPIC",
            "-shared",
            "-std=gnu11",
            "-nostdinc",
            "-nostdlib",
            "-Wl,-z,defs",
            "-fno-stack-protector",
            "-Werror=implicit-function-declaration",
            "-Werror=implicit-int",
            "-Werror=int-conversion",
            "-Werror=incompatible-pointer-types",
            "-ffp-contract=off",
            "-fno-math-errno",
            "-fno-trapping-math",
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
}

/// Flags one compiler takes and another does not. Without the C library,
/// loops must not turn into calls of memset or memcpy.
std::vector<std::string> compilerSpecificFlags(const std::string& version) {
    if (version.find("clang") != std::string::npos)
        return {"-fno-builtin-memset", "-fno-builtin-memcpy", "-fno-builtin-memmove"};
    // A kernel reads many arrays through pointers gcc cannot prove apart; its
    // loop then vectorises behind run-time overlap checks, beyond the default 10.
    return {"-fno-tree-loop-distribute-patterns", "--param=vect-max-version-for-alias-checks=64"};
}

std::string secondsText(milliseconds duration) {
    char text[32];
    std::snprintf(text, sizeof text, "%g s", static_cast<double>(duration.count()) / 1000.0);
    return text;
}

/// The CPU `-march=native` means to this compiler: the -m options of the
/// compiler proper as its driver lays them out (`-###` prints the command
/// lines without running them, so this costs no compilation: a few
/// milliseconds, where `-Q --help=target` takes 30 to 40), e.g. "-march=znver3
/// -mmmx ... -mtune=znver3". Empty when the compiler does not name a -march
/// this way (clang), and then no -march is given at all.
std::string nativeTargetOf(const std::string& program, const ProcessLimits& limits) {
    const ProcessResult result = runProcess(
        {program, "-###", "-march=native", "-x", "c", "-c", "/dev/null", "-o", "/dev/null"},
        limits);
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

/// The version at the end of a --version line ("cc (Debian 12.2.0-14) 12.2.0").
std::string shortVersion(const std::string& line) {
    return line.substr(line.find_last_of(' ') + 1);
}

/// The line of a compiler's output that says what went wrong, without the
/// scratch directory's name, control characters or excess length.
std::string oneLineSummary(const std::string& output, const fs::path& scratch) {
    std::istringstream lines(output);
    std::string line, chosen;
    while (std::getline(lines, line)) {
        if (line.starts_with("collect2"))
            continue;
        if (line.find("error") != std::string::npos ||
            line.find("undefined reference") != std::string::npos) {
            chosen = line;
            break;
        }
        if (chosen.empty())
            chosen = line;
    }
    const std::string prefix = scratch.string() + "/";
    for (size_t at; (at = chosen.find(prefix)) != std::string::npos;)
        chosen.erase(at, prefix.size());
    for (char& c : chosen)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = '?';
    constexpr size_t kMaxLength = 300;
    if (chosen.size() > kMaxLength)
        chosen = chosen.substr(0, kMaxLength) + "...";
    return chosen.empty() ? "no message (exit status or signal only)" : chosen;
}

} // namespace

fs::path NativeCompiler::defaultCacheDirectory() {
    if (const char* chosen = std::getenv("SPIKESTUDIO_CACHE_DIR"); chosen && *chosen)
        return chosen;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return fs::path(xdg) / "spikestudio" / "kernels";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".cache" / "spikestudio" / "kernels";
    return {};
}

std::optional<milliseconds> NativeCompiler::configuredTimeout(std::string* whyNot) {
    const char* text = std::getenv("SPIKESTUDIO_CC_TIMEOUT");
    if (!text || !*text)
        return kDefaultTimeout;
    const std::string value(text);
    double seconds = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(seconds) ||
        seconds <= 0 || seconds > kMaxTimeoutSeconds) {
        if (whyNot)
            *whyNot = "SPIKESTUDIO_CC_TIMEOUT must be a number of seconds above 0 and at most "
                      "86400, not '" +
                      value.substr(0, 40) + "'";
        return std::nullopt;
    }
    return milliseconds(std::max<long long>(1, std::llround(seconds * 1000.0)));
}

std::optional<NativeCompiler> NativeCompiler::find(std::string* whyNot, const CancelFlag* cancel,
                                                   Asking asking) {
    auto refuse = [&](std::string reason) {
        if (whyNot)
            *whyNot = std::move(reason);
        return std::optional<NativeCompiler>();
    };
    std::vector<std::string> candidates = {"cc", "gcc", "clang"};
    if (const char* chosen = std::getenv("SPIKESTUDIO_CC"); chosen && *chosen) {
        if (std::string(chosen) == "none")
            return refuse("the native tier is switched off (SPIKESTUDIO_CC=none)");
        candidates = {chosen};
    }
    std::string problem;
    const std::optional<milliseconds> timeout = configuredTimeout(&problem);
    if (!timeout)
        return refuse(problem);
    const fs::path requested = defaultCacheDirectory();
    if (requested.empty())
        return refuse(
            "no kernel cache directory (set SPIKESTUDIO_CACHE_DIR, XDG_CACHE_HOME or HOME)");
    const std::optional<fs::path> cache = ensurePrivateDirectory(requested, &problem);
    if (!cache)
        return refuse("kernel cache directory refused: " + problem);
    ScratchDirectory::removeAbandoned(*cache);
    const ProcessLimits limits{*timeout, cancel};
    problem = candidates.size() == 1 ? "the C compiler " + candidates[0] + " does not run"
                                     : "no system C compiler found (cc, gcc, clang)";
    for (const std::string& program : candidates) {
        if (std::optional<CompilerIdentity> known = CompilerIdentityMemo::instance().find(program))
            return NativeCompiler(program, std::move(known->version), std::move(known->target),
                                  *cache, *timeout);
        if (asking == Asking::OnlyKnown)
            return refuse("the C compiler " + program + " was not asked yet");
        const ProcessResult answer = runProcess({program, "--version"}, limits);
        if (answer.cancelled)
            return refuse("native compilation cancelled");
        if (answer.timedOut) {
            problem = "the C compiler " + program + " did not answer --version within " +
                      secondsText(*timeout) + " (SPIKESTUDIO_CC_TIMEOUT)";
            continue;
        }
        const std::string version = answer.output.substr(0, answer.output.find('\n'));
        if (answer.exitCode == 0 && !version.empty()) {
            CompilerIdentity identity{version, nativeTargetOf(program, limits)};
            if (cancel && cancel->requested()) // the target may be a cancelled answer
                return refuse("native compilation cancelled");
            CompilerIdentityMemo::instance().remember(program, identity);
            return NativeCompiler(program, std::move(identity.version), std::move(identity.target),
                                  *cache, *timeout);
        }
    }
    return refuse(problem);
}

std::string NativeCompiler::description() const {
    const std::string base = fs::path(program_).filename().string() + " " + shortVersion(version_);
    return base + (target_.empty() ? " -O3" : " -O3 -march=" + marchIn(target_));
}

std::vector<std::string> NativeCompiler::flags() const {
    std::vector<std::string> all = commonFlags();
    for (std::string& flag : compilerSpecificFlags(version_))
        all.push_back(std::move(flag));
    if (!target_.empty())
        all.push_back("-march=native");
    return all;
}

// The resolved target is in the key: a cache shared by machines with
// different CPUs never loads code built for another one.
std::string NativeCompiler::cacheKey(const std::string& nativeSource) const {
    std::string keyText = version_ + "\n" + target_;
    for (const std::string& flag : flags())
        keyText += " " + flag;
    return sha256Hex(keyText + "\n" + nativeSource);
}

std::string NativeCompiler::build(const std::string& nativeSource, const std::string& key,
                                  const CancelFlag* cancel) const {
    const ScratchDirectory scratch(cacheDirectory_);
    const fs::path sourceFile = scratch.path() / "kernel.c";
    const fs::path objectFile = scratch.path() / "kernel.so";
    writeNewFile(sourceFile, nativeSource);
    std::vector<std::string> arguments = {program_};
    for (const std::string& flag : flags())
        arguments.push_back(flag);
    for (const std::string& rest :
         {std::string("-o"), objectFile.string(), sourceFile.string(), std::string("-lm")})
        arguments.push_back(rest);
    const ProcessResult result = runProcess(arguments, {timeout_, cancel});
    if (result.cancelled)
        throw std::runtime_error("native compilation cancelled");
    if (result.timedOut)
        throw std::runtime_error("the C compiler did not finish within " + secondsText(timeout_) +
                                 " (SPIKESTUDIO_CC_TIMEOUT)");
    if (!result.started || result.exitCode != 0)
        throw std::runtime_error("the C compiler failed: " +
                                 oneLineSummary(result.output, scratch.path()));
    const std::optional<std::string> object =
        readRegularFile(objectFile, NativeObjectCache::kMaxObjectBytes);
    if (!object)
        throw std::runtime_error("the C compiler wrote no usable shared object");
    if (const std::string problem =
            auditKernelObject(*object, NativeKernelModule::allowedImports());
        !problem.empty())
        throw std::runtime_error("native kernel refused: " + problem);
    try {
        NativeObjectCache(cacheDirectory_)
            .store(key, nativeSource, *object, sourceFile, objectFile);
    } catch (const std::exception&) {
        // A full disk costs the next run a compilation, not this run its native code.
    }
    return *object;
}

std::shared_ptr<CompiledKernel> NativeCompiler::loaded(const std::string& source) const {
    return LoadedNativeKernels::instance().find(
        cacheKey(NativeKernelModule::slotsPrelude() + source));
}

std::shared_ptr<CompiledKernel> NativeCompiler::compile(const std::string& source, bool* fromCache,
                                                        const CancelFlag* cancel) const {
    const std::string native = NativeKernelModule::slotsPrelude() + source;
    const std::string key = cacheKey(native);
    if (fromCache)
        *fromCache = true;
    if (std::shared_ptr<CompiledKernel> kernel = LoadedNativeKernels::instance().find(key))
        return kernel;
    const NativeObjectCache cache(cacheDirectory_);
    if (std::optional<std::string> object = cache.find(key, native)) {
        try {
            if (!auditKernelObject(*object, NativeKernelModule::allowedImports()).empty())
                throw std::runtime_error("cached object refused");
            return LoadedNativeKernels::instance().keep(key, NativeKernelModule::load(*object));
        } catch (const std::runtime_error&) {
            cache.remove(key); // and rebuilt below
        }
    }
    const std::string object = build(native, key, cancel);
    if (fromCache)
        *fromCache = false;
    return LoadedNativeKernels::instance().keep(key, NativeKernelModule::load(object));
}

} // namespace spikestudio
