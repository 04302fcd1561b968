#pragma once

#include "expr/Scope.h"
#include "expr/Statement.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace spikestudio {

/// What a block of code may write: its owner's names, and why a name cannot
/// be written ("" when it can).
struct CodeBlockOwner {
    const Scope* scope = nullptr;
    std::function<std::string(const std::string& name)> whyNotWritable;
};

/// The name under which the code generator keeps a local value of a block.
std::string localValueName(const std::string& name);

/// Checks Brian2 abstract code (a reset, on_pre or on_post, an event's or
/// run_regularly's code) line by line. A line writes a variable of the owner,
/// or, as Brian2 allows, a plain `name = value` whose name the owner does not
/// know declares a local value for the lines after it, with the unit of its
/// value (`U_0 = (1 - Gamma)*U + a` then `u += U_0*(1 - u)`). Locals are
/// returned renamed by localValueName, temporaries that the code generator
/// declares in the element loop; a local is per element and lives for one
/// run of the block. Throws ModelError at the line.
std::vector<Statement> checkCodeBlock(std::string_view text, const CodeBlockOwner& owner);

} // namespace spikestudio
