#include "equations/integrators/OdeSystem.h"

#include "equations/integrators/LinearForm.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"

namespace spikestudio {

bool OdeSystem::hasMultiplicativeNoise() const {
    const std::set<std::string> state = variableSet();
    for (const auto& row : noise)
        for (const auto& [symbol, factor] : row)
            if (factor)
                for (const std::string& name : collectNames(factor))
                    if (state.count(name))
                        return true;
    return false;
}

ExprPtr gated(const ExprPtr& expr) {
    return makeCall("int", {makeName("not_refractory")}) * expr;
}

ExprPtr ungated(const ExprPtr& expr) {
    if (expr->kind != ExprKind::Binary || expr->binaryOp() != BinaryOp::Multiply)
        return nullptr;
    const ExprPtr& gate = expr->operands[0];
    const bool isGate = gate->kind == ExprKind::Call && gate->name == "int" &&
                        gate->operands.size() == 1 && gate->operands[0]->kind == ExprKind::Name &&
                        gate->operands[0]->name == "not_refractory";
    return isGate ? expr->operands[1] : nullptr;
}

ExprPtr evaluatedAt(const ExprPtr& expr, const std::map<std::string, ExprPtr>& state,
                    const ExprPtr& time) {
    std::map<std::string, ExprPtr> substitutions = state;
    if (time)
        substitutions["t"] = time;
    return substitute(expr, substitutions);
}

OdeSystem splitSystem(const EquationSet& equations) {
    OdeSystem system;
    system.noiseSymbols = equations.noiseSymbols();
    const std::set<std::string> noise(system.noiseSymbols.begin(), system.noiseSymbols.end());
    for (const Equation* eq : equations.ofKind(EquationKind::Differential)) {
        const ExprPtr rhs = equations.substitutedExpression(*eq);
        const auto form = linearForm(rhs, noise);
        if (!form)
            throw UnsupportedEquations{"the noise in the equation of '" + eq->name +
                                       "' is not additive in xi: '" + toText(rhs) + "'"};
        system.variables.push_back(eq->name);
        system.drift.push_back(form->constant ? form->constant : makeNumber(0.0));
        system.noise.push_back(form->coefficients);
        system.unlessRefractory.push_back(eq->hasFlag("unless refractory"));
    }
    return system;
}

} // namespace spikestudio
