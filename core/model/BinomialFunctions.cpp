#include "model/BinomialFunctions.h"

#include "equations/NameRules.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"

namespace spikestudio {

namespace {

// requireValidName refuses built-in names too.
void requireFreeName(const BinomialFunctionSpec& spec, const Scope& constants) {
    requireValidName(spec.name, spec.name, "name");
    if (constants.lookup(spec.name))
        throw ModelError({spec.name, "name", 0, 0},
                         "'" + spec.name + "' is already a constant, unit or function");
}

double probabilityOf(const BinomialFunctionSpec& spec, const Scope& constants) {
    return within(spec.name, "p", [&] {
        const Quantity p = evaluateQuantity(parseExpression(spec.probability), constants);
        if (!p.dim.isDimensionless())
            throw ModelError({"", "", 0, 0}, "DimensionMismatchError: p must be dimensionless, "
                                             "but has unit " +
                                                 displayUnit(p.dim));
        if (!(p.value >= 0.0 && p.value <= 1.0))
            throw ModelError({"", "", 0, 0},
                             "p must be a probability from 0 to 1, got " + formatNumber(p.value));
        return p.value;
    });
}

CheckedBinomialFunction checkBinomialFunction(const BinomialFunctionSpec& spec,
                                              const Scope& constants) {
    requireFreeName(spec, constants);
    if (spec.trials < 0)
        throw ModelError({spec.name, "n", 0, 0}, "n must be a whole number from 0 on");
    const double p = probabilityOf(spec, constants);
    return {spec.name, binomialShape(spec.trials, p, spec.approximate)};
}

} // namespace

std::vector<CheckedBinomialFunction>
checkBinomialFunctions(const std::vector<BinomialFunctionSpec>& specs, Scope& constants) {
    std::vector<CheckedBinomialFunction> checked;
    for (const BinomialFunctionSpec& spec : specs) {
        checked.push_back(checkBinomialFunction(spec, constants));
        // numpy's binomial gives whole numbers; its normal approximation does not
        Symbol symbol(SymbolKind::Random, Dimension(), ValueType::Float, 0.0);
        symbol.binomial = checked.back().shape;
        constants.define(spec.name, symbol);
    }
    return checked;
}

} // namespace spikestudio
