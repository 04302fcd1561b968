#pragma once

#include "equations/AbstractCode.h"

#include <functional>
#include <string>

namespace spikestudio {

/// Says whether a name holds the same value for every element of a kernel. An
/// expression of such names that draws no random numbers is hoisted out of the
/// loop (LoopInvariants) and needs no sharing inside it.
using InvariantNamePredicate = std::function<bool(const std::string&)>;

/// Computes once what several places of one element's update compute: each
/// repeated subexpression becomes a temporary `_cse_K`, assigned just before
/// the statement that first needs it.
///
/// Exponential Euler writes a Hodgkin-Huxley gate's rate functions up to three
/// times (COBAHH: 16 calls of exp per neuron and step, 10 distinct). libtcc
/// shares nothing, and gcc cannot share calls of an exp() it is not told is
/// pure. Values do not change: each shared subtree is evaluated exactly as
/// before, only fewer times.
///
/// A subtree is shared when it occurs at least twice with the same values of
/// the names it reads (a statement that writes a temporary ends the life of
/// everything that reads it; one that writes a variable, of everything that
/// reads any variable, as two names may be one array), draws no random numbers, is not loop
/// invariant and is worth a temporary (a call, a division or power, or two or more operations). The
/// right operand of `and`/`or`, which C may not evaluate, is left as it is.
/// Each pass walks every distinct node of a statement once, without recursion.
AbstractCode shareCommonSubexpressions(const AbstractCode& code,
                                       const InvariantNamePredicate& isInvariantName);

/// For tests that compare results with the unshared code: while sharing is
/// off, the kernels this process generates share nothing (KernelBody leaves
/// the pass out). On unless a test switches it off.
void setCommonSubexpressionSharing(bool enabled);
bool commonSubexpressionSharing();

} // namespace spikestudio
