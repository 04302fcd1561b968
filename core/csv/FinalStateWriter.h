#pragma once

#include "model/CheckedModel.h"
#include "runtime/Network.h"

#include <string>

namespace spikestudio {

/// `spikestudio run --final-state DIR`: every group's and Synapses object's
/// state when the run ended, as the engine holds it (SI doubles), one NumPy
/// .npy file per variable (NpyFile) and `index.json` naming each object, its
/// kind and size, and each variable's file, dtype, size, unit, dimension and
/// type (docs/final-state.md). Synapses get `i`, `j` and `delay` too; a group
/// without state variables (a SpikeGeneratorGroup) is left out.
///
/// Object names are checked first (OutputName) and a bad one writes nothing.
/// Each file is an AtomicOutputFile; an earlier index.json is removed before
/// the first array is written and the new one is committed last, so the
/// folder never holds an index naming files of another run or half-written
/// ones. Throws std::runtime_error naming the object, variable or file.
void writeFinalState(const Network& network, const CheckedModel& model,
                     const std::string& directory);

} // namespace spikestudio
