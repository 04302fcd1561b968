#include "runtime/VectorEvaluator.h"

#include "expr/BuiltinFunction.h"
#include "expr/ConstantFolder.h"
#include "runtime/PoissonSampler.h"

#include <algorithm>
#include <stdexcept>

namespace spikestudio {

Column VectorEvaluator::evaluate(const ExprPtr& e) {
    switch (e->kind) {
    case ExprKind::Number:
        return Column::of(e->number);
    case ExprKind::Boolean:
        return Column::of(e->boolean ? 1.0 : 0.0);
    case ExprKind::Name:
        return name(e->name);
    case ExprKind::Unary:
        return map1(evaluate(e->operands[0]),
                    [op = e->unaryOp()](double x) { return applyUnary(op, x); });
    case ExprKind::Binary:
        return map2(e, [op = e->binaryOp()](double a, double b) { return applyBinary(op, a, b); });
    case ExprKind::Compare:
        return map2(e,
                    [op = e->compareOp()](double a, double b) { return applyCompare(op, a, b); });
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

size_t VectorEvaluator::columnsNeeded(const ExprPtr& e) {
    switch (e->kind) {
    case ExprKind::Number:
    case ExprKind::Boolean:
        return 0;
    case ExprKind::Name:
        return 1; // a variable's column is copied
    case ExprKind::Unary:
        return columnsNeeded(e->operands[0]); // mapped in place
    case ExprKind::Call:
    case ExprKind::Binary:
    case ExprKind::Compare:
    case ExprKind::Logical:
        break;
    }
    // Operands are evaluated in turn, each held while the next one is; then the result.
    size_t most = 1;
    for (size_t k = 0; k < e->operands.size(); ++k)
        most = std::max(most, k + columnsNeeded(e->operands[k]));
    return std::max(most, e->operands.size() + 1);
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

template <typename F> Column VectorEvaluator::map2(const ExprPtr& e, F f) {
    const Column a = evaluate(e->operands[0]);
    const Column b = evaluate(e->operands[1]);
    if (a.uniform && b.uniform)
        return Column::of(f(a.value, b.value));
    std::vector<double> result(size_);
    for (size_t k = 0; k < size_; ++k)
        result[k] = f(a.at(k), b.at(k));
    return Column::of(std::move(result));
}

Column VectorEvaluator::call(const Expr& e) {
    if (e.name == "rand" || e.name == "randn") {
        std::vector<double> values(size_);
        for (double& x : values)
            x = e.name == "rand" ? random_.uniform() : random_.normal();
        return Column::of(std::move(values));
    }
    std::vector<Column> arguments;
    for (const ExprPtr& operand : e.operands)
        arguments.push_back(evaluate(operand));
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
