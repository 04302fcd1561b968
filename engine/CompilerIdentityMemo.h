#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace spikestudio {

/// What a C compiler said about itself: the first line of `--version` and
/// the CPU options `-march=native` resolves to (empty: no -march).
struct CompilerIdentity {
    std::string version;
    std::string target;
};

/// Compilers this process has asked already, by program and PATH. Asking runs
/// the compiler twice, and each run forks this whole process: tens of
/// milliseconds that every run of a sweep would pay again. Only answers are
/// kept, never failures, so a compiler that did not answer is asked again.
class CompilerIdentityMemo {
public:
    static CompilerIdentityMemo& instance();

    std::optional<CompilerIdentity> find(const std::string& program) const;
    void remember(const std::string& program, CompilerIdentity identity);

private:
    /// The program as given and the PATH it is looked up in.
    static std::pair<std::string, std::string> keyOf(const std::string& program);

    mutable std::mutex mutex_;
    std::map<std::pair<std::string, std::string>, CompilerIdentity> known_;
};

} // namespace spikestudio
