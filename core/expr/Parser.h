#pragma once

#include "expr/Expr.h"
#include "expr/ExprLimits.h"
#include "expr/Statement.h"
#include "expr/Token.h"

#include <string_view>
#include <vector>

namespace spikestudio {

/// Parses one expression of Brian2's language with Python's precedence:
/// `or` < `and` < `not` < comparisons (chainable) < `+ -` < `* / // %` <
/// unary `+ -` < `**` (right-associative, binds tighter than a unary minus on
/// its left). Throws ModelError with the line and column of the problem, also
/// when the text is longer or deeper than ExprLimits allows.
ExprPtr parseExpression(std::string_view text);

/// Parses an expression that sits inside a larger text starting at `start`
/// (1-based line and column): the tree's positions, and those of any error,
/// are in the larger text's coordinates. With a `budget`, the expression is
/// one of several that share the field's limit on terms (ExprLimits).
ExprPtr parseExpressionAt(std::string_view text, const TextPosition& start,
                          LineBreaks lineBreaks = LineBreaks::SeparateStatements,
                          TermBudget* budget = nullptr);

/// Parses statements separated by newlines or ';' (`v = Vr; w += b`).
std::vector<Statement> parseStatements(std::string_view text);

/// True for words of Python (and so of Brian2's language) that may not name anything.
bool isLanguageKeyword(std::string_view word);

} // namespace spikestudio
