#pragma once

#include "model/CheckedModel.h"
#include "model/SynapticNames.h"

namespace spikestudio {

/// Checks a connect rule and reduces every form to Brian2's generator form
/// (`condition` and `p` become `k for k in sample(N_post, p=p) if condition`,
/// or `range(N_post)` when p is 1 or depends on j). Throws ModelError with the
/// field left for the caller (`connect`).
CheckedConnect checkConnect(const ConnectSpec& spec, const SynapticNames& names,
                            const Scope& constants);

} // namespace spikestudio
