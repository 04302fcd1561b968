#pragma once

#include "model/CheckedModel.h"

namespace spikestudio {

/// Checks a NeuronGroup's custom events against its equations: each name a
/// valid identifier other than 'spike' and used once, each condition a
/// boolean of the group's names, each code like a reset. Fills
/// `group.events`; throws ModelError naming the entry (`events[1].condition`).
void checkEvents(const GroupSpec& spec, CheckedGroup& group);

} // namespace spikestudio
