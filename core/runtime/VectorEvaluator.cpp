#include "runtime/VectorEvaluator.h"

#include "expr/BuiltinFunction.h"
#include "expr/ConstantFolder.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprWalk.h"
#include "runtime/BinomialSampler.h"
#include "runtime/PoissonSampler.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace spikestudio {

namespace {

/// The nodes worth remembering while evaluating `root`, with how often they
/// are met: those met more than once that draw no random numbers. A node
/// that draws is walked at every meeting (a call site of rand() draws anew
/// each time, as in the tree the graph stands for), and so meets its
/// operands as often as it is walked.
std::unordered_map<const Expr*, size_t> sharedNodes(const ExprPtr& root) {
    const std::vector<const Expr*> bottomUp = nodesBottomUp(root);
    std::unordered_set<const Expr*> drawing;
    for (const Expr* node : bottomUp) {
        bool draws = isRandomCall(*node);
        for (const ExprPtr& operand : node->operands)
            draws = draws || drawing.count(operand.get());
        if (draws)
            drawing.insert(node);
    }
    std::unordered_map<const Expr*, size_t> meetings{{root.get(), 1}};
    std::unordered_map<const Expr*, size_t> shared;
    for (auto node = bottomUp.rbegin(); node != bottomUp.rend(); ++node) { // parents first
        const size_t met = meetings[*node];
        const bool remembered = met > 1 && !drawing.count(*node);
        if (remembered)
            shared[*node] = met;
        for (const ExprPtr& operand : (*node)->operands)
            meetings[operand.get()] += remembered ? 1 : met;
    }
    return shared;
}

/// Follows the walk VectorEvaluator::Walk makes, counting columns instead of
/// computing them: the most it holds at once (on its stack, kept for a later
/// meeting, and a node's result beside its operands), each counted as a full
/// column although a constant's is one number.
class ColumnCount : public ExprVisitor {
public:
    explicit ColumnCount(const ExprPtr& root) : shared_(sharedNodes(root)) {}

    bool walkedOnce(const ExprPtr& node) const { return shared_.count(node.get()) > 0; }

    void revisit(const ExprPtr& node) {
        if (const auto kept = kept_.find(node.get()); kept != kept_.end() && --kept->second == 0)
            kept_.erase(kept);
        ++stack_;
        note(0);
    }

    void leave(const ExprPtr& node) {
        note(1); // the result, its operands still held
        stack_ = stack_ - node->operands.size() + 1;
        if (const auto shared = shared_.find(node.get()); shared != shared_.end())
            kept_[node.get()] = shared->second - 1;
        note(0);
    }

    size_t most() const { return most_; }

private:
    void note(size_t extra) { most_ = std::max(most_, stack_ + kept_.size() + extra); }

    std::unordered_map<const Expr*, size_t> shared_;
    std::unordered_map<const Expr*, size_t> kept_; // node -> meetings still to come
    size_t stack_ = 0;
    size_t most_ = 0;
};

} // namespace

/// Evaluates bottom up on a stack of columns, without recursion: a node
/// takes its operands' columns off the stack and puts its own on. A shared
/// node's column is kept until its last meeting.
class VectorEvaluator::Walk : public ExprVisitor {
public:
    Walk(VectorEvaluator& evaluator, const ExprPtr& root)
        : evaluator_(evaluator), shared_(sharedNodes(root)) {}

    bool walkedOnce(const ExprPtr& node) const { return shared_.count(node.get()) > 0; }

    void revisit(const ExprPtr& node) {
        const auto kept = remembered_.find(node.get());
        if (kept == remembered_.end())
            throw std::logic_error("a shared subexpression was met more often than counted");
        if (--kept->second.meetings > 0) {
            columns_.push_back(kept->second.column);
            return;
        }
        columns_.push_back(std::move(kept->second.column));
        remembered_.erase(kept);
    }

    void leave(const ExprPtr& node) {
        columns_.push_back(evaluator_.node(*node, columns_));
        const auto shared = shared_.find(node.get());
        if (shared != shared_.end())
            remembered_[node.get()] = {columns_.back(), shared->second - 1};
    }

    Column result() { return std::move(columns_.back()); }

private:
    struct Kept {
        Column column;
        size_t meetings; // still to come
    };

    VectorEvaluator& evaluator_;
    std::unordered_map<const Expr*, size_t> shared_; // node -> meetings
    std::unordered_map<const Expr*, Kept> remembered_;
    std::vector<Column> columns_;
};

size_t VectorEvaluator::columnsNeeded(const ExprPtr& e) {
    ColumnCount count(e);
    walkDepthFirst(e, count);
    return count.most();
}

Column VectorEvaluator::evaluate(const ExprPtr& e) {
    Walk walk(*this, e);
    walkDepthFirst(e, walk);
    return walk.result();
}

Column VectorEvaluator::node(const Expr& e, std::vector<Column>& columns) {
    const auto take = [&columns] {
        Column column = std::move(columns.back());
        columns.pop_back();
        return column;
    };
    switch (e.kind) {
    case ExprKind::Number:
        return Column::of(e.number);
    case ExprKind::Boolean:
        return Column::of(e.boolean ? 1.0 : 0.0);
    case ExprKind::Name:
        return name(e.name);
    case ExprKind::Unary:
        return map1(take(), [op = e.unaryOp()](double x) { return applyUnary(op, x); });
    case ExprKind::Binary:
    case ExprKind::Compare:
    case ExprKind::Logical: {
        const Column b = take();
        const Column a = take();
        return pair(e, a, b);
    }
    case ExprKind::Call: {
        std::vector<Column> arguments(e.operands.size());
        for (size_t k = arguments.size(); k-- > 0;)
            arguments[k] = take();
        return call(e, arguments);
    }
    }
    throw std::logic_error("unknown expression");
}

Column VectorEvaluator::pair(const Expr& e, const Column& a, const Column& b) {
    switch (e.kind) {
    case ExprKind::Binary:
        return map2(a, b,
                    [op = e.binaryOp()](double x, double y) { return applyBinary(op, x, y); });
    case ExprKind::Compare:
        return map2(a, b,
                    [op = e.compareOp()](double x, double y) { return applyCompare(op, x, y); });
    default:
        return map2(a, b, [op = e.logicalOp()](double x, double y) {
            const bool both = op == LogicalOp::And ? (x != 0 && y != 0) : (x != 0 || y != 0);
            return both ? 1.0 : 0.0;
        });
    }
}

Column VectorEvaluator::name(const std::string& name) {
    if (auto column = names_(name))
        return *column;
    const auto symbol = scope_.lookup(name);
    if (symbol && symbol->kind == SymbolKind::Constant)
        return Column::of(symbol->value);
    return Column::of(0.0); // shared values not yet set start at 0, as in Brian2
}

template <typename F> Column VectorEvaluator::map1(Column column, F f) {
    if (column.uniform)
        return Column::of(f(column.value));
    for (double& x : column.values)
        x = f(x);
    return column;
}

template <typename F> Column VectorEvaluator::map2(const Column& a, const Column& b, F f) {
    if (a.uniform && b.uniform)
        return Column::of(f(a.value, b.value));
    std::vector<double> result(size_);
    for (size_t k = 0; k < size_; ++k)
        result[k] = f(a.at(k), b.at(k));
    return Column::of(std::move(result));
}

// A BinomialFunction's call site: one number per element, as numpy's
// normal(mean, deviation, size) or binomial(n, p, size) draws them.
Column VectorEvaluator::binomialDraws(const BinomialShape& shape) {
    std::vector<double> values(size_);
    for (double& x : values)
        x = shape.normal ? shape.mean + shape.deviation * random_.normal()
                         : spikestudio_binomial(&random_, shape.trials, shape.probability);
    return Column::of(std::move(values));
}

Column VectorEvaluator::call(const Expr& e, const std::vector<Column>& arguments) {
    if (e.name == "rand" || e.name == "randn") {
        std::vector<double> values(size_);
        for (double& x : values)
            x = e.name == "rand" ? random_.uniform() : random_.normal();
        return Column::of(std::move(values));
    }
    if (const auto symbol = scope_.lookup(e.name); symbol && symbol->kind == SymbolKind::Random)
        return binomialDraws(symbol->binomial);
    if (e.name == "poisson") {
        std::vector<double> values(size_);
        for (size_t k = 0; k < size_; ++k)
            values[k] = spikestudio_poisson(&random_, arguments[0].at(k));
        return Column::of(std::move(values));
    }
    bool allUniform = true;
    for (const Column& argument : arguments)
        allUniform = allUniform && argument.uniform;
    const auto apply = [&](size_t k) {
        double values[3] = {0, 0, 0};
        for (size_t a = 0; a < arguments.size() && a < 3; ++a)
            values[a] = arguments[a].at(k);
        return applyBuiltin(e.name, values);
    };
    if (allUniform)
        return Column::of(apply(0));
    std::vector<double> result(size_);
    for (size_t k = 0; k < size_; ++k)
        result[k] = apply(k);
    return Column::of(std::move(result));
}

} // namespace spikestudio
