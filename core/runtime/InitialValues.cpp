#include "runtime/InitialValues.h"

#include "expr/BuiltinFunction.h"
#include "expr/ConstantFolder.h"
#include "runtime/PoissonSampler.h"

#include <stdexcept>

namespace spikestudio {

namespace {

/// A column of values, or one value standing for all elements.
struct Column {
    bool uniform = true;
    double value = 0.0;
    std::vector<double> values;

    double at(size_t k) const { return uniform ? value : values[k]; }
};

class VectorEvaluator {
public:
    VectorEvaluator(const Scope& scope, GroupState& group, RandomGenerator& random)
        : scope_(scope), group_(group), random_(random), size_(static_cast<size_t>(group.size)) {}

    Column evaluate(const ExprPtr& e) {
        switch (e->kind) {
        case ExprKind::Number:
            return uniform(e->number);
        case ExprKind::Boolean:
            return uniform(e->boolean ? 1.0 : 0.0);
        case ExprKind::Name:
            return name(e->name);
        case ExprKind::Unary: {
            Column operand = evaluate(e->operands[0]);
            return map1(operand, [op = e->unaryOp()](double x) { return applyUnary(op, x); });
        }
        case ExprKind::Binary:
            return map2(e,
                        [op = e->binaryOp()](double a, double b) { return applyBinary(op, a, b); });
        case ExprKind::Compare:
            return map2(
                e, [op = e->compareOp()](double a, double b) { return applyCompare(op, a, b); });
        case ExprKind::Logical:
            return map2(e, [op = e->logicalOp()](double a, double b) {
                const bool both = op == LogicalOp::And ? (a != 0 && b != 0) : (a != 0 || b != 0);
                return both ? 1.0 : 0.0;
            });
        case ExprKind::Call:
            return call(*e);
        }
        throw std::logic_error("unknown expression");
    }

private:
    static Column uniform(double value) { return Column{true, value, {}}; }

    Column name(const std::string& name) {
        if (name == "i") {
            Column column{false, 0.0, std::vector<double>(size_)};
            for (size_t k = 0; k < size_; ++k)
                column.values[k] = static_cast<double>(k);
            return column;
        }
        if (name == "t")
            return uniform(group_.clock ? group_.clock->t() : 0.0);
        if (name == "dt")
            return uniform(group_.clock ? group_.clock->dt() : 0.0);
        const auto found = group_.variables.find(name);
        if (found != group_.variables.end())
            return Column{false, 0.0, found->second};
        const auto symbol = scope_.lookup(name);
        if (symbol && symbol->kind == SymbolKind::Constant)
            return uniform(symbol->value);
        return uniform(0.0); // shared values not yet set start at 0, as in Brian2
    }

    template <typename F> Column map1(Column column, F f) {
        if (column.uniform)
            return uniform(f(column.value));
        for (double& x : column.values)
            x = f(x);
        return column;
    }

    template <typename F> Column map2(const ExprPtr& e, F f) {
        const Column a = evaluate(e->operands[0]);
        const Column b = evaluate(e->operands[1]);
        if (a.uniform && b.uniform)
            return uniform(f(a.value, b.value));
        Column result{false, 0.0, std::vector<double>(size_)};
        for (size_t k = 0; k < size_; ++k)
            result.values[k] = f(a.at(k), b.at(k));
        return result;
    }

    Column call(const Expr& e) {
        if (e.name == "rand" || e.name == "randn") {
            Column column{false, 0.0, std::vector<double>(size_)};
            for (double& x : column.values)
                x = e.name == "rand" ? random_.uniform() : random_.normal();
            return column;
        }
        std::vector<Column> arguments;
        for (const ExprPtr& operand : e.operands)
            arguments.push_back(evaluate(operand));
        if (e.name == "poisson") {
            Column column{false, 0.0, std::vector<double>(size_)};
            for (size_t k = 0; k < size_; ++k)
                column.values[k] = spikestudio_poisson(&random_, arguments[0].at(k));
            return column;
        }
        bool allUniform = true;
        for (const Column& argument : arguments)
            allUniform = allUniform && argument.uniform;
        const size_t count = allUniform ? 1 : size_;
        Column result{allUniform, 0.0, std::vector<double>(allUniform ? 0 : size_)};
        for (size_t k = 0; k < count; ++k) {
            double values[3] = {0, 0, 0};
            for (size_t a = 0; a < arguments.size() && a < 3; ++a)
                values[a] = arguments[a].at(k);
            (allUniform ? result.value : result.values[k]) = applyBuiltin(e.name, values);
        }
        return result;
    }

    const Scope& scope_;
    GroupState& group_;
    RandomGenerator& random_;
    size_t size_;
};

} // namespace

void applyInitialValues(const std::vector<Statement>& initial, const Scope& scope,
                        GroupState& group, RandomGenerator& random) {
    VectorEvaluator evaluator(scope, group, random);
    for (const Statement& statement : initial) {
        const Column column = evaluator.evaluate(statement.expandedValue());
        std::vector<double>& target = group.variables.at(statement.target);
        for (size_t k = 0; k < target.size(); ++k)
            target[k] = column.at(k);
    }
}

} // namespace spikestudio
