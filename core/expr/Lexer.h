#pragma once

#include "expr/Token.h"

#include <string_view>
#include <vector>

namespace spikestudio {

/// Splits expression or statement text into tokens. '#' starts a comment that
/// runs to the end of the line. Newlines inside brackets are plain white space;
/// elsewhere they become Newline tokens (statement separators) unless
/// `lineBreaks` says they are white space too.
/// Throws ModelError (line and column set) for characters outside the language.
std::vector<Token> tokenize(std::string_view text,
                            LineBreaks lineBreaks = LineBreaks::SeparateStatements);

} // namespace spikestudio
