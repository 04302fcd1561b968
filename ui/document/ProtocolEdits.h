#pragma once

#include "model/Model.h"

#include <cstddef>

namespace spikestudio {

/// The edits the protocol editor makes, on a model as plain data (each
/// becomes one undo step). A protocol of one segment is the same run as a
/// plain duration, so the editor keeps a model either form: converting makes
/// the first segment of the duration, and removing the last-but-one segment
/// turns the one left back into the duration.
namespace ProtocolEdits {

/// `duration` becomes the protocol's only segment ("100*ms" when empty).
void convertToProtocol(Model& model);

/// A new segment after `after` (a model without a protocol is converted
/// first), as long as the segment before it and setting nothing. Returns the
/// new segment's index.
size_t addSegment(Model& model, size_t after);

/// Removes segment `index`. The values the new first segment would set are
/// appended to their groups' `initial` (what holds before the run), with the
/// seed entries before them, and its dt change becomes the model's `dt`; one
/// segment left that seeds nothing becomes the model's duration again.
void removeSegment(Model& model, size_t index);

/// Swaps segments `index` and `index + by` (by = -1 or 1) when both exist.
void moveSegment(Model& model, size_t index, int by);

} // namespace ProtocolEdits

} // namespace spikestudio
