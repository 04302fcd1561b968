#pragma once

#include "expr/Expr.h"
#include "expr/Scope.h"
#include "runtime/RandomGenerator.h"
#include "runtime/StateArray.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// Values of an expression for a set of elements, or one value standing for all.
struct Column {
    bool uniform = true;
    double value = 0.0;
    std::vector<double> values;

    static Column of(double value) { return Column{true, value, {}}; }
    static Column of(std::vector<double> values) { return Column{false, 0.0, std::move(values)}; }
    static Column of(const StateArray& values) {
        return of(std::vector<double>(values.begin(), values.end()));
    }
    double at(size_t k) const { return uniform ? value : values[k]; }
};

/// The column of a name for the elements being evaluated; nothing when the
/// name is not a variable (it is then looked up among the constants).
using ColumnSource = std::function<std::optional<Column>(const std::string& name)>;

/// Evaluates expressions over many elements at once, the way Brian2's numpy
/// target does: every rand()/randn() call site (or a BinomialFunction's) draws one value per
/// element, in element order, so seeded runs reproduce Brian2's random numbers. Used for initial
/// values and for creating synapses, never on the simulation's hot path.
class VectorEvaluator {
public:
    VectorEvaluator(const Scope& scope, size_t size, ColumnSource names, RandomGenerator& random)
        : scope_(scope), size_(size), names_(std::move(names)), random_(random) {}

    /// Without recursion, and each subexpression shared by substitution once.
    Column evaluate(const ExprPtr& e);

    /// The most columns of `size` values that evaluating `e` holds at once
    /// (its operands' and its own), for memory estimates before evaluating.
    static size_t columnsNeeded(const ExprPtr& e);

private:
    class Walk;

    /// One node, its operands' columns on top of `columns` (taken off).
    Column node(const Expr& e, std::vector<Column>& columns);
    Column name(const std::string& name);
    Column pair(const Expr& e, const Column& a, const Column& b);
    Column call(const Expr& e, const std::vector<Column>& arguments);
    Column binomialDraws(const BinomialShape& shape);
    template <typename F> Column map1(Column column, F f);
    template <typename F> Column map2(const Column& a, const Column& b, F f);

    const Scope& scope_;
    size_t size_;
    ColumnSource names_;
    RandomGenerator& random_;
};

} // namespace spikestudio
