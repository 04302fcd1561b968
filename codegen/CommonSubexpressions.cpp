#include "codegen/CommonSubexpressions.h"

#include "ShapeIds.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprWalk.h"

#include <atomic>
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
    int id = 0;             // equal ids: equal trees reading equal values
    bool random = false;    // draws random numbers
    bool worthIt = false;   // worth a temporary of its own
    bool invariant = false; // the same for every element (hoisted instead)
};

using Facts = std::unordered_map<const Expr*, NodeFacts>;

class SubexpressionSharing {
public:
    explicit SubexpressionSharing(const InvariantNamePredicate& isInvariantName)
        : isInvariantName_(isInvariantName) {}

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

    // Bottom up, each distinct node once: a node's id interns its own kind
    // and its operands' ids, a name's id the values it reads now.
    Facts factsOf(const ExprPtr& expr) {
        struct FactWalk : ExprVisitor {
            SubexpressionSharing& sharing;
            Facts facts;

            explicit FactWalk(SubexpressionSharing& owner) : sharing(owner) {}
            void leave(const ExprPtr& node) {
                facts[node.get()] = sharing.factsOfNode(node, facts);
            }
        } walk(*this);
        walkDepthFirst(expr, walk);
        return std::move(walk.facts);
    }

    NodeFacts factsOfNode(const ExprPtr& expr, const Facts& facts) {
        const Expr& node = *expr;
        NodeFacts own;
        std::string nameTag;
        if (node.kind == ExprKind::Name)
            nameTag = std::to_string(epochs_[node.name]) +
                      (isTemporary(node.name) ? "" : "#" + std::to_string(variableWrites_));
        std::vector<int> operandIds;
        bool hasOperationChild = false;
        own.random = isRandomCall(node);
        own.invariant = node.kind != ExprKind::Name || isInvariantName_(node.name);
        for (const ExprPtr& operand : node.operands) {
            const NodeFacts& child = facts.at(operand.get());
            operandIds.push_back(child.id);
            own.random = own.random || child.random;
            own.invariant = own.invariant && child.invariant;
            hasOperationChild = hasOperationChild || !isLeaf(operand);
        }
        own.invariant = own.invariant && !own.random;
        own.worthIt = !isLeaf(expr) && (isCostlyOperation(node) || hasOperationChild);
        own.id = ids_.idOf(node, operandIds, nameTag);
        return own;
    }

    static bool isShareable(const NodeFacts& facts) {
        return facts.worthIt && !facts.random && !facts.invariant;
    }

    // Top down: a repeated subtree's inner parts are counted at its first use only.
    void countUses(const ExprPtr& root, const Facts& facts) {
        std::vector<const Expr*> pending{root.get()};
        while (!pending.empty()) {
            const Expr* node = pending.back();
            pending.pop_back();
            const NodeFacts& own = facts.at(node);
            if (node->operands.empty() || own.invariant)
                continue;
            if (isShareable(own) && uses_[own.id]++ > 0)
                continue;
            for (size_t k = evaluatedOperands(*node); k-- > 0;)
                pending.push_back(node->operands[k].get());
        }
    }

    AbstractStatement rewriteStatement(const AbstractStatement& statement, AbstractCode& out) {
        const auto* assignment = std::get_if<Assignment>(&statement);
        if (!assignment)
            return statement;
        return Assignment{assignment->target, rewrite(assignment->value, out)};
    }

    // Bottom up, each distinct node once; the first use of a shared tree
    // defines its temporary, every later one reads it.
    ExprPtr rewrite(const ExprPtr& expr, AbstractCode& out) {
        struct RewriteWalk : ExprVisitor {
            SubexpressionSharing& sharing;
            const Facts facts;
            AbstractCode& out;
            std::unordered_map<const Expr*, ExprPtr> results;

            size_t enter(const ExprPtr& node) {
                const NodeFacts& own = facts.at(node.get());
                if (isLeaf(node) || own.invariant)
                    return 0;
                if (sharing.isShared(own) && sharing.temporaries_.count(own.id))
                    return 0;
                return evaluatedOperands(*node);
            }

            void leave(const ExprPtr& node) {
                results[node.get()] = sharing.rewritten(node, facts.at(node.get()), results, out);
            }
        } walk{{}, *this, factsOf(expr), out, {}};
        walkDepthFirst(expr, walk);
        return walk.results.at(expr.get());
    }

    bool isShared(const NodeFacts& own) { return isShareable(own) && uses_[own.id] >= 2; }

    ExprPtr rewritten(const ExprPtr& node, const NodeFacts& own,
                      const std::unordered_map<const Expr*, ExprPtr>& results, AbstractCode& out) {
        if (isLeaf(node) || own.invariant)
            return node;
        const bool shared = isShared(own);
        if (shared) {
            const auto defined = temporaries_.find(own.id);
            if (defined != temporaries_.end())
                return makeName(defined->second, node->position);
        }
        auto copy = std::make_shared<Expr>(*node);
        for (size_t k = 0; k < evaluatedOperands(*node); ++k)
            copy->operands[k] = results.at(node->operands[k].get());
        if (!shared)
            return copy;
        // Names no model can write: user names never start with an underscore.
        std::string name = "__shared_" + std::to_string(temporaries_.size());
        out.push_back(Assignment{name, copy});
        temporaries_[own.id] = name;
        return makeName(name, node->position);
    }

    const InvariantNamePredicate& isInvariantName_;
    std::map<std::string, int> epochs_; // name -> how often it was written so far
    // Writes to the group's variables: two names can be one array (v_post and
    // v in a synapse's code), so any such write ends what read any variable.
    int variableWrites_ = 0;
    ShapeIds ids_;
    std::map<int, int> uses_;                // id -> occurrences
    std::map<int, std::string> temporaries_; // id -> the temporary that holds it
};

} // namespace

AbstractCode shareCommonSubexpressions(const AbstractCode& code,
                                       const InvariantNamePredicate& isInvariantName) {
    return SubexpressionSharing(isInvariantName).run(code);
}

namespace {
std::atomic<bool> sharing{true};
} // namespace

void setCommonSubexpressionSharing(bool enabled) {
    sharing = enabled;
}

bool commonSubexpressionSharing() {
    return sharing;
}

} // namespace spikestudio
