#pragma once

#include "model/AssignmentSpec.h"

#include <QString>

namespace spikestudio {

/// The elements an entry of `initial` sets, written as in Brian2's
/// `G.v[...]`: `all` (or `:` or nothing), an index `3`, a list `[1, 5, 5]`, a
/// slice `10:20` or `::2`, a condition in quotes `'i > 5'`, and on Synapses
/// `pre, post` (`0, :` or `2, 0:3`).
namespace AssignmentElements {

/// The text for the selection of `assignment`.
QString format(const spikestudio::AssignmentSpec& assignment);

/// Reads `text` into the selection of `assignment` (index, pre, post,
/// condition; the value is left alone). False with `problem` set when `text`
/// is not one of the forms above; `assignment` is then unchanged.
bool parse(const QString& text, bool synapses, spikestudio::AssignmentSpec& assignment,
           QString* problem);

} // namespace AssignmentElements

} // namespace spikestudio
