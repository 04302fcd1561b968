#include "model/NumpyElementLoop.h"

#include "expr/ExprRewrite.h"

#include <algorithm>
#include <set>

namespace spikestudio {

namespace {

bool hasUfuncAt(AssignOp op) {
    return op == AssignOp::Add || op == AssignOp::Subtract || op == AssignOp::Multiply ||
           op == AssignOp::Divide;
}

} // namespace

bool numpyLoopsSynapseBySynapse(const std::vector<Statement>& code,
                                const SynapticIndexing& indexing) {
    const bool writesShared = std::any_of(
        code.begin(), code.end(), [&](const Statement& s) { return indexing.repeated(s.target); });
    if (!writesShared)
        return false;
    std::set<std::string> read;
    for (const Statement& statement : code) {
        for (const std::string& name : collectNames(statement.value))
            if (indexing.notOwn(name))
                read.insert(name);
        if (read.count(statement.target))
            return true;
        const bool inPlace = statement.op != AssignOp::Assign;
        if (inPlace && indexing.notOwn(statement.target) && !hasUfuncAt(statement.op))
            return true;
    }
    return false;
}

} // namespace spikestudio
