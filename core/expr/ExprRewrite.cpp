#include "expr/ExprRewrite.h"

#include "expr/BuiltinFunction.h"

namespace spikestudio {

ExprPtr replaceNames(const ExprPtr& expr,
                     const std::function<ExprPtr(const std::string& name)>& replacement) {
    if (expr->kind == ExprKind::Name) {
        ExprPtr replaced = replacement(expr->name);
        return replaced ? replaced : expr;
    }
    if (expr->operands.empty())
        return expr;
    bool changed = false;
    std::vector<ExprPtr> operands;
    operands.reserve(expr->operands.size());
    for (const ExprPtr& operand : expr->operands) {
        operands.push_back(replaceNames(operand, replacement));
        changed = changed || operands.back() != operand;
    }
    if (!changed)
        return expr;
    auto copy = std::make_shared<Expr>(*expr);
    copy->operands = std::move(operands);
    return copy;
}

ExprPtr substitute(const ExprPtr& expr, const std::map<std::string, ExprPtr>& substitutions) {
    return replaceNames(expr, [&](const std::string& name) -> ExprPtr {
        const auto found = substitutions.find(name);
        return found == substitutions.end() ? nullptr : found->second;
    });
}

namespace {
void collect(const ExprPtr& expr, std::set<std::string>& names) {
    if (expr->kind == ExprKind::Name)
        names.insert(expr->name);
    for (const ExprPtr& operand : expr->operands)
        collect(operand, names);
}
} // namespace

std::set<std::string> collectNames(const ExprPtr& expr) {
    std::set<std::string> names;
    collect(expr, names);
    return names;
}

bool containsCall(const ExprPtr& expr, const std::function<bool(const std::string&)>& predicate) {
    if (expr->kind == ExprKind::Call && predicate(expr->name))
        return true;
    for (const ExprPtr& operand : expr->operands)
        if (containsCall(operand, predicate))
            return true;
    return false;
}

bool drawsRandomNumbers(const ExprPtr& expr) {
    return containsCall(expr, [](const std::string& name) {
        const BuiltinFunction* function = findBuiltinFunction(name);
        return function && function->isRandom;
    });
}

} // namespace spikestudio
