#include "equations/AbstractCode.h"

namespace spikestudio {

AbstractCode rewriteExpressions(const AbstractCode& code,
                                const std::function<ExprPtr(const ExprPtr&)>& rewrite) {
    const auto apply = [&](const ExprPtr& expr) { return expr ? rewrite(expr) : expr; };
    AbstractCode result;
    for (const AbstractStatement& statement : code) {
        if (const auto* assignment = std::get_if<Assignment>(&statement)) {
            result.push_back(Assignment{assignment->target, apply(assignment->value)});
            continue;
        }
        LinearUpdate update = std::get<LinearUpdate>(statement);
        for (ExprPtr& entry : update.matrix)
            entry = apply(entry);
        for (ExprPtr& entry : update.constant)
            entry = apply(entry);
        update.step = apply(update.step);
        result.push_back(update);
    }
    return result;
}

} // namespace spikestudio
