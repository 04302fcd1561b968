#pragma once

#include "expr/BinomialShape.h"
#include "units/Dimension.h"
#include "units/UnitDeclaration.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace spikestudio {

enum class SymbolKind {
    Constant,   // a number known before the run: model constants, units, pi, N
    Shared,     // one value per group that may change during the run: t, dt, shared variables
    PerElement, // one value per neuron or synapse: state variables, parameters, i
    Function,   // a TimedArray: called as name(t) or name(t, i)
    Random,     // a BinomialFunction: called as name(), draws a number at every call
};

/// A TimedArray as expressions and kernels see it; its values live in the runtime.
struct TimedArrayShape {
    long long rows = 0;
    long long columns = 0; // 0: one-dimensional, called as name(t)
    double gridDt = 0.0;   // seconds between values
    // Known once the caller's clock is: Brian2's oversampling factor K and
    // whether the value stays constant over one of the caller's steps.
    long long oversampling = 0;
    bool constantOverStep = false;

    int arity() const { return columns == 0 ? 1 : 2; }
};

/// What a name in an expression stands for.
struct Symbol {
    Symbol() = default;
    Symbol(SymbolKind kind, Dimension dim, ValueType type, double value)
        : kind(kind), dim(dim), type(type), value(value) {}

    SymbolKind kind = SymbolKind::Constant;
    Dimension dim;
    ValueType type = ValueType::Float;
    double value = 0.0;     // only for Constant
    TimedArrayShape timed;  // only for Function
    BinomialShape binomial; // only for Random
};

/// Names visible to an expression, layered: a group's scope looks in its own
/// variables, then the model's constants, then the built-in constants and units.
class Scope {
public:
    explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}

    void define(const std::string& name, Symbol symbol) { symbols_[name] = symbol; }
    bool definesLocally(std::string_view name) const { return symbols_.count(std::string(name)); }

    /// Finds `name` here, in the parents, or among units and pi/e/inf.
    std::optional<Symbol> lookup(std::string_view name) const;

    const std::map<std::string, Symbol, std::less<>>& localSymbols() const { return symbols_; }

private:
    const Scope* parent_;
    std::map<std::string, Symbol, std::less<>> symbols_;
};

} // namespace spikestudio
