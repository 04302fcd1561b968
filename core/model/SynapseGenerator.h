#pragma once

#include "expr/Expr.h"

#include <string>
#include <string_view>

namespace spikestudio {

enum class GeneratorIterator { Range, Sample };

/// Brian2's synapse generator syntax, `ELEMENT for VAR in ITERATOR [if CONDITION]`
/// with ITERATOR `range(...)` or `sample(..., p=... | size=...)`. A bare
/// expression (`"i"`) means `ELEMENT for _ in range(1)`.
struct SynapseGenerator {
    ExprPtr element;
    std::string variable;
    GeneratorIterator iterator = GeneratorIterator::Range;
    ExprPtr low, high, step; // low and step default to 0 and 1
    ExprPtr probability;     // sample(..., p=...)
    ExprPtr size;            // sample(..., size=...)
    ExprPtr condition;       // null when there is no `if`
};

/// Parses generator syntax; positions refer to the whole text. Throws
/// ModelError (line and column set, object and field left to the caller).
SynapseGenerator parseSynapseGenerator(std::string_view text);

} // namespace spikestudio
