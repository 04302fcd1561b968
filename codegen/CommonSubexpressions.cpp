#include "codegen/CommonSubexpressions.h"

#include "expr/ExprRewrite.h"

#include <cstdio>
#include <map>
#include <unordered_map>

namespace spikestudio {

namespace {

// Temporaries are the element's own locals; no other name reaches them.
bool isTemporary(const std::string& name) {
    return name.starts_with("_");
}

bool isLeaf(const ExprPtr& expr) {
    return expr->operands.empty();
}

bool isCostlyOperation(const Expr& node) {
    if (node.kind == ExprKind::Call)
        return true;
    if (node.kind != ExprKind::Binary)
        return false;
    const BinaryOp op = node.binaryOp();
    return op == BinaryOp::Divide || op == BinaryOp::FloorDivide || op == BinaryOp::Modulo ||
           op == BinaryOp::Power;
}

// C evaluates the right operand of && and || only sometimes: leave it alone.
size_t evaluatedOperands(const Expr& node) {
    return node.kind == ExprKind::Logical ? 1 : node.operands.size();
}

/// What the two passes need to know of one node of one statement.
struct NodeFacts {
    int id = 0;           // equal ids: equal trees reading equal values
    bool random = false;  // draws random numbers
    bool worthIt = false; // worth a temporary of its own
};

class SubexpressionSharing {
public:
    explicit SubexpressionSharing(const InvariancePredicate& isInvariant)
        : isInvariant_(isInvariant) {}

    AbstractCode run(const AbstractCode& code) {
        for (const AbstractStatement& statement : code) {
            for (const ExprPtr& value : valuesOf(statement))
                countUses(value, factsOf(value));
            endOf(statement);
        }
        epochs_.clear();
        variableWrites_ = 0;
        AbstractCode shared;
        for (const AbstractStatement& statement : code) {
            AbstractStatement rewritten = rewriteStatement(statement, shared);
            shared.push_back(std::move(rewritten));
            endOf(statement);
        }
        return shared;
    }

private:
    using Facts = std::unordered_map<const Expr*, NodeFacts>;

    static std::vector<ExprPtr> valuesOf(const AbstractStatement& statement) {
        if (const auto* assignment = std::get_if<Assignment>(&statement))
            return {assignment->value};
        return {}; // a LinearUpdate's entries are emitted on their own
    }

    // A statement's writes end the life of every subtree that read the old values.
    void endOf(const AbstractStatement& statement) {
        if (const auto* assignment = std::get_if<Assignment>(&statement)) {
            ++epochs_[assignment->target];
            if (!isTemporary(assignment->target))
                ++variableWrites_;
            return;
        }
        for (const std::string& variable : std::get<LinearUpdate>(statement).variables)
            ++epochs_["_" + variable];
    }

    Facts factsOf(const ExprPtr& expr) {
        Facts facts;
        collectFacts(expr, facts);
        return facts;
    }

    // Bottom up: a node's id interns its own kind and its children's ids.
    const NodeFacts& collectFacts(const ExprPtr& expr, Facts& facts) {
        const Expr& node = *expr;
        NodeFacts own;
        std::string key = std::to_string(static_cast<int>(node.kind)) + ":" +
                          std::to_string(node.op) + ":" + node.name;
        if (node.kind == ExprKind::Name)
            key += "#" + std::to_string(epochs_[node.name]) +
                   (isTemporary(node.name) ? "" : "#" + std::to_string(variableWrites_));
        if (node.kind == ExprKind::Number) {
            char exact[64];
            std::snprintf(exact, sizeof exact, "%a%s", node.number,
                          node.isIntegerLiteral ? "i" : "");
            key += exact;
        }
        if (node.kind == ExprKind::Boolean)
            key += node.boolean ? "T" : "F";
        bool hasOperationChild = false;
        for (const ExprPtr& operand : node.operands) {
            const NodeFacts& child = collectFacts(operand, facts);
            key += "," + std::to_string(child.id);
            own.random = own.random || child.random;
            hasOperationChild = hasOperationChild || !isLeaf(operand);
        }
        own.random = own.random || (node.kind == ExprKind::Call && drawsRandomNumbers(expr));
        own.worthIt = !isLeaf(expr) && (isCostlyOperation(node) || hasOperationChild);
        own.id = ids_.emplace(key, static_cast<int>(ids_.size())).first->second;
        return facts[&node] = own;
    }

    bool isShareable(const ExprPtr& expr, const NodeFacts& facts) const {
        return facts.worthIt && !facts.random && !isInvariant_(expr);
    }

    // Top down: a repeated subtree's inner parts are counted at its first use only.
    void countUses(const ExprPtr& expr, const Facts& facts) {
        if (isLeaf(expr) || isInvariant_(expr))
            return;
        const NodeFacts& own = facts.at(expr.get());
        if (isShareable(expr, own) && uses_[own.id]++ > 0)
            return;
        for (size_t k = 0; k < evaluatedOperands(*expr); ++k)
            countUses(expr->operands[k], facts);
    }

    AbstractStatement rewriteStatement(const AbstractStatement& statement, AbstractCode& out) {
        const auto* assignment = std::get_if<Assignment>(&statement);
        if (!assignment)
            return statement;
        const Facts facts = factsOf(assignment->value);
        return Assignment{assignment->target, rewrite(assignment->value, facts, out)};
    }

    ExprPtr rewrite(const ExprPtr& expr, const Facts& facts, AbstractCode& out) {
        if (isLeaf(expr) || isInvariant_(expr))
            return expr;
        const NodeFacts& own = facts.at(expr.get());
        const bool shared = isShareable(expr, own) && uses_[own.id] >= 2;
        if (shared) {
            const auto defined = temporaries_.find(own.id);
            if (defined != temporaries_.end())
                return makeName(defined->second, expr->position);
        }
        auto copy = std::make_shared<Expr>(*expr);
        for (size_t k = 0; k < evaluatedOperands(*expr); ++k)
            copy->operands[k] = rewrite(expr->operands[k], facts, out);
        if (!shared)
            return copy;
        // Names no model can write: user names never start with an underscore.
        std::string name = "__shared_" + std::to_string(temporaries_.size());
        out.push_back(Assignment{name, copy});
        temporaries_[own.id] = name;
        return makeName(name, expr->position);
    }

    const InvariancePredicate& isInvariant_;
    std::map<std::string, int> epochs_; // name -> how often it was written so far
    // Writes to the group's variables: two names can be one array (v_post and
    // v in a synapse's code), so any such write ends what read any variable.
    int variableWrites_ = 0;
    std::map<std::string, int> ids_;         // interned node keys
    std::map<int, int> uses_;                // id -> occurrences
    std::map<int, std::string> temporaries_; // id -> the temporary that holds it
};

} // namespace

AbstractCode shareCommonSubexpressions(const AbstractCode& code,
                                       const InvariancePredicate& isInvariant) {
    return SubexpressionSharing(isInvariant).run(code);
}

} // namespace spikestudio
