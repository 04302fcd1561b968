#pragma once

#include "sweep/SweepAxis.h"
#include "sweep/SweepVariant.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

struct CheckedModel;

/// How the values of several axes combine: every combination (a grid), or
/// the k-th value of every axis together (zipped; all axes of one length).
enum class SweepCombination { Grid, Zip };

/// What a sweep varies: its axes, how they combine, and the seeds run at
/// every point. Variants enumerate like nested loops in the order the axes
/// were given (the last axis fastest), with the seeds innermost.
class SweepPlan {
public:
    /// Throws UserError: no axis, a constant swept twice, zipped axes of
    /// different lengths, or more than kMaxSweepVariants variants.
    SweepPlan(std::vector<SweepAxis> axes, std::vector<std::uint32_t> seeds,
              SweepCombination combination);

    /// Throws UserError naming the axis when a constant is not one of the
    /// model's or its values have another unit than the model's value.
    void checkAgainst(const CheckedModel& model) const;

    const std::vector<SweepAxis>& axes() const { return axes_; }
    const std::vector<std::uint32_t>& seeds() const { return seeds_; }
    SweepCombination combination() const { return combination_; }

    /// What a project keeps of the sweep (JSON): the `--vary` texts, grid or
    /// zip, the seeds and, when given, the duration every variant ran.
    std::string specificationJson(const std::optional<std::string>& duration = {}) const;
    /// The plan a specificationJson() describes (a project's, so untrusted):
    /// every text is read again as `--vary` and `--seeds` read it. Throws
    /// UserError naming what is wrong.
    static SweepPlan fromSpecification(const std::string& json);

    std::size_t pointCount() const;   // combinations of constants
    std::size_t variantCount() const; // points times seeds (at least one each)
    SweepVariant variant(std::size_t index) const;
    /// Which value of axis `axis` variant `variant` takes.
    std::size_t valueIndex(std::size_t variant, std::size_t axis) const;

private:
    std::vector<std::size_t> valueIndices(std::size_t point) const;

    std::vector<SweepAxis> axes_;
    std::vector<std::uint32_t> seeds_;
    SweepCombination combination_;
};

/// A sweep is at most this many runs.
inline constexpr std::size_t kMaxSweepVariants = 100000;

} // namespace spikestudio
