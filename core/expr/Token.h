#pragma once

#include "expr/Expr.h"

#include <string>

namespace spikestudio {

enum class TokenKind { Number, Identifier, Operator, Newline, End };

/// What a line break outside brackets means: the end of a statement, or (for
/// text Brian2 reads inside brackets, like generator syntax) nothing at all.
enum class LineBreaks { SeparateStatements, AreWhiteSpace };

/// A lexical token of the expression and statement language. Operators and
/// punctuation ("+", "**", "+=", "(", ";") share one kind and keep their text.
struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    double number = 0.0;
    bool isIntegerLiteral = false;
    TextPosition position;

    bool is(const char* op) const { return kind == TokenKind::Operator && text == op; }
    bool isWord(const char* word) const { return kind == TokenKind::Identifier && text == word; }
};

} // namespace spikestudio
