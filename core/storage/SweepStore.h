#pragma once

#include "storage/Project.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spikestudio {

/// A parameter sweep as a project keeps it (`spikestudio sweeps PROJECT`).
struct SweepSummary {
    std::int64_t id = 0;
    std::string createdAt;     // ISO 8601 UTC
    std::string specification; // JSON written by the sweep (what varied, seeds, grid or zip)
    std::int64_t variants = 0; // runs the sweep asked for
    std::int64_t stored = 0;   // runs stored so far (a cancelled sweep keeps what finished)
};

/// One stored run of a sweep.
struct SweepRunEntry {
    std::int64_t variant = 0; // 0-based place in the sweep
    std::int64_t runId = 0;
};

/// The sweeps table of a project (schema version 3): records a sweep before
/// its runs start, so that every run can name it (RunSettings::sweep).
/// Errors are StorageError naming the project.
class SweepStore {
public:
    explicit SweepStore(Project& project) : project_(project) {}

    /// Records a sweep and returns its id.
    std::int64_t create(const std::string& specification, std::int64_t variants,
                        const std::string& modelJson);
    /// The sweep with this specification, size and model (parts of one sweep
    /// run apart have the same), recorded if there is none yet.
    std::int64_t findOrCreate(const std::string& specification, std::int64_t variants,
                              const std::string& modelJson);
    /// Every sweep, oldest first; none in a project older than sweeps.
    std::vector<SweepSummary> sweeps();
    /// Throws StorageError when there is no sweep `id`.
    SweepSummary sweep(std::int64_t id);
    /// The sweep's stored runs in variant order.
    std::vector<SweepRunEntry> runsOf(std::int64_t id);
    /// The base model the sweep varied.
    std::string model(std::int64_t id);

private:
    std::vector<SweepSummary> query(const std::string& where, std::int64_t id);
    bool hasSweeps();

    Project& project_;
};

} // namespace spikestudio
