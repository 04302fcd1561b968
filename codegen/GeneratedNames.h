#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace spikestudio {

/// The grammar of the identifiers in generated C. A kernel is the fixed
/// prelude (templates/prelude.c, reviewed text) followed by generated code in
/// which every identifier is one of:
///
///   keyword        a C keyword the templates use: void double const for if
///                  restrict
///   runtime symbol a type or function the prelude declares: int64_t,
///                  int32_t, SpikeStudioKernelContext, libm's functions
///                  (sin … pow) and the spikestudio_* helpers
///   context field  after `->` only: a field of SpikeStudioKernelContext
///   generated name a template local (_arrays _constants _context _t _dt _N
///                  _idx _k _count _events _due _record _row _sum _neuron
///                  _pre _post _synaptic_pre _synaptic_post _timestep_q), or
///                  a numbered local `_` kind digits [`_` digits] whose kind
///                  is one of: a (array pointer), v (loaded value),
///                  t (temporary), e (a part of an expression computed
///                  before it), h (hoisted invariant), M A G (a linear
///                  update's matrix, propagator and its integral), B (its
///                  constant term)
///
/// Nothing else: no string or character literal, no preprocessor line. User
/// text (the names of variables, groups, constants, functions) never
/// appears, as no user name may start with '_' (NameRules) and every
/// generated name does.
bool isKernelKeyword(std::string_view word);
bool isRuntimeSymbol(std::string_view word);
bool isContextField(std::string_view word);
bool isGeneratedName(std::string_view word);

/// The pieces of `code` (generated C after the prelude) that break the
/// grammar: identifiers of none of its forms, literals and preprocessor
/// lines; comments and numbers are skipped. Empty when all of it fits.
std::vector<std::string> breachesOfNameGrammar(std::string_view code);

/// Checks a whole kernel before it is compiled: the prelude, then code that
/// fits the grammar. Throws std::logic_error naming the first breach (a bug
/// in the code generator: no model can cause one).
void requireGeneratedNames(const std::string& kernelSource);

} // namespace spikestudio
