#include "expr/ExprRewrite.h"

#include "expr/BuiltinFunction.h"
#include "expr/ExprWalk.h"

#include <unordered_map>

namespace spikestudio {

namespace {

// Bottom up, each distinct node once: a node is copied only when one of its
// operands changed, so the result shares all it can with the input.
class NameReplacer : public ExprVisitor {
public:
    explicit NameReplacer(const std::function<ExprPtr(const std::string&)>& replacement)
        : replacement_(replacement) {}

    void leave(const ExprPtr& node) { results_[node.get()] = rebuilt(node); }
    const ExprPtr& result(const ExprPtr& root) const { return results_.at(root.get()); }

private:
    ExprPtr rebuilt(const ExprPtr& node) {
        if (node->kind == ExprKind::Name)
            return replaced(node);
        bool changed = false;
        for (const ExprPtr& operand : node->operands)
            changed = changed || results_.at(operand.get()) != operand;
        if (!changed)
            return node;
        auto copy = std::make_shared<Expr>(*node);
        for (ExprPtr& operand : copy->operands)
            operand = results_.at(operand.get());
        return copy;
    }

    // One call per distinct name: the replacement of a name is built once and
    // shared by all its uses.
    ExprPtr replaced(const ExprPtr& node) {
        auto [found, isNew] = byName_.try_emplace(node->name);
        if (isNew)
            found->second = replacement_(node->name);
        return found->second ? found->second : node;
    }

    const std::function<ExprPtr(const std::string&)>& replacement_;
    std::unordered_map<const Expr*, ExprPtr> results_;
    std::unordered_map<std::string, ExprPtr> byName_;
};

} // namespace

ExprPtr replaceNames(const ExprPtr& expr,
                     const std::function<ExprPtr(const std::string& name)>& replacement) {
    NameReplacer replacer(replacement);
    walkDepthFirst(expr, replacer);
    return replacer.result(expr);
}

ExprPtr substitute(const ExprPtr& expr, const std::map<std::string, ExprPtr>& substitutions) {
    return replaceNames(expr, [&](const std::string& name) -> ExprPtr {
        const auto found = substitutions.find(name);
        return found == substitutions.end() ? nullptr : found->second;
    });
}

std::set<std::string> collectNames(const ExprPtr& expr) {
    std::set<std::string> names;
    for (const Expr* node : nodesBottomUp(expr))
        if (node->kind == ExprKind::Name)
            names.insert(node->name);
    return names;
}

const Expr* findCall(const ExprPtr& expr,
                     const std::function<bool(const std::string&)>& predicate) {
    struct Finder : ExprVisitor {
        const std::function<bool(const std::string&)>& predicate;
        const Expr* found = nullptr;

        explicit Finder(const std::function<bool(const std::string&)>& test) : predicate(test) {}
        size_t enter(const ExprPtr& node) {
            if (!found && node->kind == ExprKind::Call && predicate(node->name))
                found = node.get();
            return found ? 0 : node->operands.size();
        }
    } finder(predicate);
    walkDepthFirst(expr, finder);
    return finder.found;
}

bool containsCall(const ExprPtr& expr, const std::function<bool(const std::string&)>& predicate) {
    return findCall(expr, predicate) != nullptr;
}

bool isRandomFunction(const std::string& name) {
    const BuiltinFunction* function = findBuiltinFunction(name);
    return function && function->isRandom;
}

bool isRandomCall(const Expr& node) {
    if (node.kind != ExprKind::Call)
        return false;
    if (isRandomFunction(node.name))
        return true;
    return node.operands.empty() && !findBuiltinFunction(node.name);
}

bool drawsRandomNumbers(const ExprPtr& expr) {
    for (const Expr* node : nodesBottomUp(expr))
        if (isRandomCall(*node))
            return true;
    return false;
}

} // namespace spikestudio
