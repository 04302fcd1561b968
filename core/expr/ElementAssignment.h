#pragma once

#include "expr/Expr.h"
#include "expr/Reseed.h"

#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// Which indices of one axis an assignment selects: every one, a list (in the
/// order written, repeats allowed), or a Python slice `start:stop:step`.
struct IndexSelection {
    enum class Form { All, List, Slice };
    Form form = Form::All;
    std::vector<long long> list;
    long long start = 0;
    long long stop = -1; // -1: to the end
    long long step = 1;

    bool all() const { return form == Form::All; }
    /// The indices selected among `size`, in order (a slice is cut at `size`).
    std::vector<long long> indices(long long size) const;
    /// The first index not below `size`, or -1 when all are below it.
    long long firstOutside(long long size) const;
};

/// A checked assignment to some elements of a group or of a Synapses object,
/// made once before the run (Brian2's `G.v[10:20] = ...`, `S.w['i > j'] = ...`).
/// Either `value` is evaluated per selected element, or `values` (SI units)
/// give one number per selected element (a single number stands for all).
/// `index` selects elements (synapses by number); `pre` and `post` select
/// synapses by their pre- and postsynaptic indices; `condition` by a test
/// evaluated for every element first. A seed entry has only `field` and `reseed`.
struct ElementAssignment {
    std::string field; // "initial[2]", for messages
    std::string target;
    ExprPtr value;              // subexpressions substituted; null when `values` is used
    std::vector<double> values; // SI
    ExprPtr condition;          // null: no condition
    IndexSelection index, pre, post;
    std::optional<Reseed> reseed; // set: a seed entry, which only reseeds the random stream
};

} // namespace spikestudio
