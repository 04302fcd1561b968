#pragma once

#include <string_view>

namespace spikestudio {

/// How a built-in function treats the units of its arguments (Brian2's rules).
enum class ArgumentRule {
    Dimensionless, // exp, log, sin, int, ...: arguments must be dimensionless
    Any,           // sqrt, abs, floor, ...
    MatchFirst,    // clip: the bounds must have the unit of the first argument
    Time,          // timestep(t, dt): both arguments are times
};

enum class ReturnRule {
    Dimensionless,
    SameAsFirst, // abs, ceil, floor, clip
    SquareRoot,  // sqrt returns the square root of the argument's unit
};

enum class ReturnKind { Float, Integer };

/// One function of Brian2's DEFAULT_FUNCTIONS available in expressions.
struct BuiltinFunction {
    std::string_view name;
    int arity;
    ArgumentRule arguments;
    ReturnRule returns;
    ReturnKind kind;
    bool isRandom; // rand, randn, poisson: draws from the generator, so never hoisted
};

/// The built-in function called `name`, or nullptr.
const BuiltinFunction* findBuiltinFunction(std::string_view name);

/// Constants every expression may use: pi, e, inf.
bool findBuiltinConstant(std::string_view name, double& value);

} // namespace spikestudio
