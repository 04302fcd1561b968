#include "engine/CompilerIdentityMemo.h"

#include <cstdlib>

namespace spikestudio {

CompilerIdentityMemo& CompilerIdentityMemo::instance() {
    static CompilerIdentityMemo memo;
    return memo;
}

std::pair<std::string, std::string> CompilerIdentityMemo::keyOf(const std::string& program) {
    const char* path = std::getenv("PATH");
    return {program, path ? path : ""};
}

std::optional<CompilerIdentity> CompilerIdentityMemo::find(const std::string& program) const {
    const auto key = keyOf(program);
    std::lock_guard lock(mutex_);
    const auto known = known_.find(key);
    if (known == known_.end())
        return std::nullopt;
    return known->second;
}

void CompilerIdentityMemo::remember(const std::string& program, CompilerIdentity identity) {
    const auto key = keyOf(program);
    std::lock_guard lock(mutex_);
    known_.insert_or_assign(key, std::move(identity));
}

} // namespace spikestudio
