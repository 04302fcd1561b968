#pragma once

#include "expr/ElementAssignment.h"
#include "expr/Reseed.h"

#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// One entry of `initial` in its array form: Brian2's `G.v = ...`,
/// `G.v[10:20] = ...`, `S.w['i > j'] = ...`, `S.w[0, :] = ...`, set in order.
/// The value is an expression evaluated per selected element, or numbers (in
/// `unit`) one per selected element (one number stands for all). A seed
/// entry (`{"seed": 13579}`, Brian2's `seed()` between two assignments) sets
/// `reseed` and nothing else.
struct AssignmentSpec {
    std::string variable;
    std::string value;            // an expression, when `values` is not used
    bool hasValues = false;       // the value is a list of numbers
    std::vector<double> values;   // in `unit`
    std::string unit;             // "" = dimensionless; only with `values`
    IndexSelection index;         // elements (synapses: synapse indices)
    IndexSelection pre, post;     // synapses only: by presynaptic and postsynaptic index
    std::string condition;        // "" = none; a boolean expression per element
    std::optional<Reseed> reseed; // set: a seed entry

    bool isSeedEntry() const { return reseed.has_value(); }
    static AssignmentSpec seedEntry(const Reseed& reseed) {
        AssignmentSpec entry;
        entry.reseed = reseed;
        return entry;
    }
};

/// Parses a slice `start:stop` or `start:stop:step` (parts may be empty);
/// false when `text` is not one.
bool parseSlice(const std::string& text, IndexSelection& selection);

/// `start:stop:step` as written back (empty parts left out).
std::string sliceText(const IndexSelection& selection);

} // namespace spikestudio
