#pragma once

#include <cstdint>
#include <string>

namespace spikestudio {

/// Physical memory of this machine in bytes (0 if it cannot be read).
std::uint64_t physicalMemoryBytes();

/// Refuses, before anything is allocated, a model whose arrays or monitors
/// would need more than three quarters of physical memory: Linux would
/// otherwise hand out the pages lazily and kill the process mid-run.
class MemoryBudget {
public:
    explicit MemoryBudget(std::uint64_t limitBytes = physicalMemoryBytes() / 4 * 3)
        : limit_(limitBytes) {}

    /// Adds `bytes` for `object`/`field`; throws ModelError when over budget.
    void claim(double bytes, const std::string& object, const std::string& field,
               const std::string& what);
    double claimed() const { return claimed_; }

private:
    std::uint64_t limit_;
    double claimed_ = 0.0;
};

} // namespace spikestudio
