#include "equations/integrators/LinearForm.h"

#include "expr/ExprRewrite.h"
#include "expr/ExprWalk.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace spikestudio {

namespace {

bool isNumber(const ExprPtr& e, double value) {
    return e && e->kind == ExprKind::Number && e->number == value;
}

LinearForm scaled(LinearForm form, const ExprPtr& factor, bool divide) {
    auto apply = [&](const ExprPtr& term) -> ExprPtr {
        if (!term)
            return nullptr;
        return divide ? makeBinary(BinaryOp::Divide, term, factor) : multiplyTerms(factor, term);
    };
    for (auto& [name, coefficient] : form.coefficients)
        coefficient = apply(coefficient);
    form.constant = apply(form.constant);
    return form;
}

LinearForm combined(LinearForm a, const LinearForm& b, bool subtract) {
    for (const auto& [name, coefficient] : b.coefficients)
        a.coefficients[name] =
            addTerms(a.coefficient(name), subtract ? negateTerm(coefficient) : coefficient);
    a.constant = addTerms(a.constant, subtract ? negateTerm(b.constant) : b.constant);
    return a;
}

} // namespace

ExprPtr addTerms(const ExprPtr& a, const ExprPtr& b) {
    if (!a || isNumber(a, 0.0))
        return b;
    if (!b || isNumber(b, 0.0))
        return a;
    return a + b;
}

ExprPtr multiplyTerms(const ExprPtr& a, const ExprPtr& b) {
    if (!a || !b || isNumber(a, 0.0) || isNumber(b, 0.0))
        return nullptr;
    if (isNumber(a, 1.0))
        return b;
    if (isNumber(b, 1.0))
        return a;
    return a * b;
}

ExprPtr negateTerm(const ExprPtr& a) {
    return a ? makeUnary(UnaryOp::Minus, a) : nullptr;
}

namespace {

/// Which distinct nodes read one of the variables, and which are met more
/// than once (their forms are kept for the next meeting).
struct Mentions {
    std::unordered_set<const Expr*> reading;
    std::unordered_set<const Expr*> shared;

    Mentions(const ExprPtr& root, const std::set<std::string>& variables) {
        std::unordered_set<const Expr*> met;
        for (const Expr* node : nodesBottomUp(root)) {
            bool reads = node->kind == ExprKind::Name && variables.count(node->name);
            for (const ExprPtr& operand : node->operands) {
                reads = reads || reading.count(operand.get());
                if (!met.insert(operand.get()).second)
                    shared.insert(operand.get());
            }
            if (reads)
                reading.insert(node);
        }
    }
};

/// Whether one of `variables` is a factor of `e` as a product, quotient or
/// power (`v*tau`, `-v**2`): sympy's collect() sees a power of it there.
bool hasVariableFactor(const ExprPtr& e, const std::set<std::string>& variables) {
    std::vector<const Expr*> pending{e.get()};
    while (!pending.empty()) {
        const Expr* node = pending.back();
        pending.pop_back();
        if (node->kind == ExprKind::Name && variables.count(node->name))
            return true;
        if (node->kind == ExprKind::Unary && node->unaryOp() != UnaryOp::Not)
            pending.push_back(node->operands[0].get());
        if (node->kind != ExprKind::Binary)
            continue;
        const BinaryOp op = node->binaryOp();
        if (op == BinaryOp::Multiply || op == BinaryOp::Divide)
            pending.push_back(node->operands[1].get());
        if (op == BinaryOp::Multiply || op == BinaryOp::Divide || op == BinaryOp::Power)
            pending.push_back(node->operands[0].get());
    }
    return false;
}

// Bottom up on a stack of forms, without recursion; a part that reads none
// of the variables is a constant and is not walked. The first part that is
// not affine ends the walk.
class FormWalk : public ExprVisitor {
public:
    FormWalk(const ExprPtr& root, const std::set<std::string>& variables, Linearity linearity)
        : mentions_(root, variables), linearity_(linearity) {
        if (linearity != Linearity::Conditional)
            return;
        // A divisor that reads a variable without it as a factor, (1 + v*v),
        // is a factor collect() leaves whole.
        for (const Expr* node : nodesBottomUp(root))
            if (node->kind == ExprKind::Binary && node->binaryOp() == BinaryOp::Divide &&
                mentions_.reading.count(node->operands[1].get()) &&
                !mentions_.shared.count(node->operands[1].get()) && // met elsewhere: stay strict
                !hasVariableFactor(node->operands[1], variables))
                opaqueDivisors_.insert(node->operands[1].get());
    }

    size_t enter(const ExprPtr& node) {
        return failed_ || !reads(node) || opaque(*node) ? 0 : node->operands.size();
    }

    void revisit(const ExprPtr& node) {
        if (!failed_)
            forms_.push_back(kept_.at(node.get()));
    }

    void leave(const ExprPtr& node) {
        if (failed_)
            return;
        std::optional<LinearForm> form =
            reads(node) && !opaque(*node) ? formOf(*node) : LinearForm{{}, node};
        if (!form) {
            failed_ = true;
            return;
        }
        if (mentions_.shared.count(node.get()))
            kept_[node.get()] = *form;
        forms_.push_back(std::move(*form));
    }

    std::optional<LinearForm> result() {
        return failed_ ? std::nullopt : std::optional(std::move(forms_.back()));
    }

private:
    bool reads(const ExprPtr& node) const { return mentions_.reading.count(node.get()) > 0; }

    /// Under Conditional, a call of a function or such a divisor is a factor
    /// collect() leaves whole.
    bool opaque(const Expr& e) const {
        return linearity_ == Linearity::Conditional &&
               (e.kind == ExprKind::Call || opaqueDivisors_.count(&e));
    }

    static bool isFactor(const LinearForm& form) { return form.coefficients.empty(); }

    LinearForm take() {
        LinearForm form = std::move(forms_.back());
        forms_.pop_back();
        return form;
    }

    // A node that reads a variable, its operands' forms on the stack.
    std::optional<LinearForm> formOf(const Expr& e) {
        switch (e.kind) {
        case ExprKind::Name:
            return LinearForm{{{e.name, makeNumber(1.0, true)}}, nullptr};
        case ExprKind::Unary: {
            LinearForm inner = take();
            if (e.unaryOp() == UnaryOp::Not)
                return std::nullopt;
            return e.unaryOp() == UnaryOp::Minus ? scaled(inner, makeNumber(-1.0, true), false)
                                                 : inner;
        }
        case ExprKind::Binary: {
            LinearForm b = take();
            LinearForm a = take();
            return binaryForm(e, std::move(a), b);
        }
        default:
            return std::nullopt;
        }
    }

    std::optional<LinearForm> binaryForm(const Expr& e, LinearForm a, const LinearForm& b) {
        const ExprPtr& left = e.operands[0];
        const ExprPtr& right = e.operands[1];
        switch (e.binaryOp()) {
        case BinaryOp::Add:
        case BinaryOp::Subtract:
            return combined(std::move(a), b, e.binaryOp() == BinaryOp::Subtract);
        case BinaryOp::Multiply:
            if (!reads(left))
                return scaled(b, left, false);
            if (!reads(right))
                return scaled(std::move(a), right, false);
            if (linearity_ == Linearity::Conditional && isFactor(a))
                return a.constant ? scaled(b, a.constant, false) : LinearForm{};
            if (linearity_ == Linearity::Conditional && isFactor(b))
                return b.constant ? scaled(std::move(a), b.constant, false) : LinearForm{};
            return std::nullopt;
        case BinaryOp::Divide:
            if (reads(right) && !opaque(*right))
                return std::nullopt;
            return scaled(std::move(a), right, true);
        default:
            return std::nullopt;
        }
    }

    Mentions mentions_;
    std::vector<LinearForm> forms_;
    std::unordered_map<const Expr*, LinearForm> kept_;
    Linearity linearity_;
    std::unordered_set<const Expr*> opaqueDivisors_;
    bool failed_ = false;
};

} // namespace

std::optional<LinearForm> linearForm(const ExprPtr& expr, const std::set<std::string>& variables,
                                     Linearity linearity) {
    FormWalk walk(expr, variables, linearity);
    walkDepthFirst(expr, walk);
    return walk.result();
}

} // namespace spikestudio
