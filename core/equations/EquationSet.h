#pragma once

#include "equations/Equation.h"
#include "expr/Scope.h"

#include <map>
#include <string>
#include <vector>

namespace spikestudio {

enum class EquationOwner { NeuronGroup, Synapses };

/// Facts about the group that owns the equations, needed to check them.
struct EquationContext {
    EquationOwner owner = EquationOwner::NeuronGroup;
    long long size = 1;             // N: the number of elements
    bool hasRefractoriness = false; // a `refractory` was given
};

/// A checked set of equations: names valid and unique, flags allowed for their
/// kind, units consistent, subexpressions ordered by dependency (cycles refused),
/// noise only in differential equations. Built once; read-only afterwards.
class EquationSet {
public:
    /// Checks `equations` against `constants` (the model's constants, units...).
    /// Throws ModelError (field and position set, object left empty).
    static EquationSet build(std::vector<Equation> equations, const EquationContext& context,
                             const Scope& constants);

    const std::vector<Equation>& equations() const { return equations_; }
    const Equation* find(const std::string& name) const;
    std::vector<const Equation*> ofKind(EquationKind kind) const;
    /// Subexpressions in an order where each comes after those it uses.
    const std::vector<const Equation*>& orderedSubexpressions() const { return ordered_; }

    /// The right-hand side of a differential equation with subexpressions
    /// substituted (recursively) and, for `unless refractory`, *not* yet gated.
    ExprPtr substitutedExpression(const Equation& equation) const;
    /// Any expression (threshold, reset value...) with subexpressions substituted.
    ExprPtr substituteSubexpressions(const ExprPtr& expr) const;

    /// Noise symbols (`xi`, `xi_1`, ...) used by the differential equations.
    const std::vector<std::string>& noiseSymbols() const { return noise_; }
    bool isStochastic() const { return !noise_.empty(); }
    const EquationContext& context() const { return context_; }

    /// The scope of names an expression of this group sees: its variables, the
    /// special names (t, dt, i, N...), then `constants`.
    Scope variableScope(const Scope& constants) const;

private:
    void checkNamesAndFlags() const;
    void refuseRandomSubexpressions() const;
    void orderSubexpressions();
    void checkUnits(const Scope& constants);
    void collectNoise();

    std::vector<Equation> equations_;
    std::vector<const Equation*> ordered_;         // subexpressions, each after those it uses
    std::map<std::string, ExprPtr> substitutions_; // subexpression name -> substituted tree
    std::vector<std::string> noise_;
    EquationContext context_;
};

/// Unit of Brian2's noise symbols: second ** -0.5.
Dimension noiseDimension();
bool isNoiseSymbol(const std::string& name);

} // namespace spikestudio
