#pragma once

#include "model/Model.h"

#include <vector>

namespace spikestudio {

/// `initial` of a group or Synapses object as one ordered list, whichever of
/// its two forms the object uses (map entries lead, as the model writer
/// writes them), and back: a list of plain `variable = expression` entries,
/// each variable once, is kept as the map, so such files are written as
/// before; anything else as the list form.
namespace InitialValues {

std::vector<spikestudio::AssignmentSpec>
list(const spikestudio::NamedExpressions& plain,
     const std::vector<spikestudio::AssignmentSpec>& assignments);

void store(const std::vector<spikestudio::AssignmentSpec>& list,
           spikestudio::NamedExpressions& plain,
           std::vector<spikestudio::AssignmentSpec>& assignments);

/// Whether `assignment` is a plain `variable = expression` for every element.
bool isPlain(const spikestudio::AssignmentSpec& assignment);

} // namespace InitialValues

} // namespace spikestudio
