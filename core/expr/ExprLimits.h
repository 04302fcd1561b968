#pragma once

#include <cstddef>
#include <string>

namespace spikestudio {

/// How much the language accepts in one text field of a model. Real models
/// stay far below (Brian2 itself fails beyond about 400 terms in one
/// equation); the limits keep every later stage (unit checks, integrators,
/// code generation, libtcc, the system compiler) fast and its memory small.
/// No stage recurses along an expression, so length alone cannot exhaust a
/// stack; nesting is bounded because the parser itself recurses into it.
struct ExprLimits {
    /// Terms (numbers, names, operators, function calls) in one field: an
    /// expression, a list of statements, or all equations of one object.
    static constexpr size_t kMaxTerms = 10000;
    /// Brackets, calls, unary operators and powers inside one another.
    static constexpr int kMaxNesting = 200;
};

/// What one field may still spend on terms when it is parsed in pieces (the
/// equations of a group, one expression after the other).
struct TermBudget {
    size_t used = 0;
};

/// What a text holds, for the message when it is too long.
enum class TextKind { Expression, Statements, Equations };

/// "expression too long: N terms, limit M (...)", worded for `kind`.
std::string tooLongMessage(TextKind kind, size_t terms);

} // namespace spikestudio
