#pragma once

#include <string>
#include <string_view>

namespace spikestudio {

/// True for `[A-Za-z_][A-Za-z0-9_]*`.
bool isIdentifier(std::string_view name);

/// Why `name` may not name a user object, variable or constant, or "" if it may:
/// not an identifier, a word of the language or of C, a built-in function,
/// constant or unit, a name Brian2 reserves (t, dt, i, N, xi..., _pre/_post
/// suffixes, refractoriness), or a leading underscore (generated names).
std::string whyNameIsRefused(std::string_view name);

/// The same for a variable of a NeuronGroup, which may also be called
/// `delay`: Brian2 reserves that name in Synapses only (its Jeffress example
/// gives its ears a `delay`); synaptic code reads the synapse's own `delay`
/// and the neuron's as `delay_pre` or `delay_post`.
std::string whyNeuronVariableNameIsRefused(std::string_view name);

/// Why `name` may not name an object (a group, Synapses, monitor or
/// PoissonInput), or "" if it may. Object names live apart from the names
/// code uses, so Brian2's rule applies: any identifier (`N`, `t`, `_x`, `exp`
/// are fine), at most 64 characters.
std::string whyObjectNameIsRefused(std::string_view name);

/// Throws ModelError(object, field) if whyNameIsRefused(name) is not empty.
void requireValidName(std::string_view name, const std::string& object, const std::string& field);

} // namespace spikestudio
