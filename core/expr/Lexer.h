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

/// The tokens of a text that must hold at most `maxTerms` terms (numbers,
/// names and operators; not brackets, commas, assignments or separators).
struct BoundedTokens {
    std::vector<Token> tokens; // empty when there are more terms than allowed
    size_t terms = 0;          // all of them, however many
};
BoundedTokens tokenize(std::string_view text, LineBreaks lineBreaks, size_t maxTerms);

} // namespace spikestudio
