#pragma once

#include "diagnostics/ModelError.h"
#include "model/CheckedModel.h"
#include "model/SynapticNames.h"

#include <string>

namespace spikestudio {

/// Checks a connect rule and reduces every form to Brian2's generator form
/// (`condition` and `p` become `k for k in sample(N_post, p=p) if condition`,
/// or `range(N_post)` when p is 1 or depends on j). Throws ModelError with the
/// field left for the caller (`connect`). `own` holds the Synapses object's
/// equations, whose subexpressions a rule may read.
CheckedConnect checkConnect(const ConnectSpec& spec, const SynapticNames& names,
                            const Scope& constants, const EquationSet& own);

/// The field naming connect call `k`: "connect" when it is the only one, else "connect[k]".
std::string connectCallField(size_t k, bool several);

/// `error` (field `connect` or `connect.p`) moved to the call named `field`
/// (`connect[1]`, `connect[1].p`).
ModelError inConnectCall(const ModelError& error, const std::string& field);

/// Refuses a number of synapses per pair (`n`) that is negative or not finite,
/// as Brian2 does; `pair` names the pair (" for i=0, j=2") or is empty. Field connect.n.
void checkSynapsesPerPair(double copies, const std::string& pair);

} // namespace spikestudio
