#include "model/TimedArrays.h"

#include "equations/NameRules.h"
#include "expr/BuiltinFunction.h"
#include "expr/ConstantFolder.h"
#include "expr/ExprRewrite.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"

#include <cmath>

namespace spikestudio {

namespace {

/// The unit the values are written in: its dimension and its factor to SI.
Quantity valueUnit(const TimedArraySpec& spec, const Scope& constants) {
    if (spec.unit.empty())
        return {1.0, Dimension()};
    return within(spec.name, "unit", [&] {
        const Quantity unit = evaluateQuantity(parseExpression(spec.unit), constants);
        if (!std::isfinite(unit.value) || unit.value == 0.0)
            throw ModelError({"", "", 0, 0}, "the unit must be a finite, non-zero quantity");
        return unit;
    });
}

void requireFreeName(const TimedArraySpec& spec, const Scope& constants) {
    requireValidName(spec.name, spec.name, "name");
    if (findBuiltinFunction(spec.name))
        throw ModelError({spec.name, "name", 0, 0},
                         "'" + spec.name + "' is a built-in function and cannot name a TimedArray");
    if (constants.lookup(spec.name))
        throw ModelError({spec.name, "name", 0, 0},
                         "'" + spec.name + "' is already a constant, unit or TimedArray");
}

CheckedTimedArray checkTimedArray(const TimedArraySpec& spec, const Scope& constants) {
    requireFreeName(spec, constants);
    return checkTimedArrayValues(spec, constants);
}

} // namespace

CheckedTimedArray checkTimedArrayValues(const TimedArraySpec& spec, const Scope& constants) {
    CheckedTimedArray array;
    array.name = spec.name;
    array.dt = positiveTime(spec.dt, constants, spec.name, "dt", false);
    const Quantity unit = valueUnit(spec, constants);
    array.dim = unit.dim;
    array.rows = spec.rows;
    array.columns = spec.columns;
    array.values.reserve(spec.values.size());
    for (double value : spec.values)
        array.values.push_back(value * unit.value);
    return array;
}

namespace {

// Brian2's _find_K: the smallest power of two K with K*dt >= 8*gridDt, so that
// rounding t/(gridDt/K) to an integer is safe from floating-point error.
long long oversamplingFactor(double gridDt, double dt) {
    const double k = std::pow(2.0, std::ceil(std::log2(8.0 / dt * gridDt)));
    return std::max(static_cast<long long>(k), 1LL);
}

// Brian2's TimedArray.is_locally_constant: the grid is a whole multiple of dt.
bool holdsOverStep(double gridDt, double dt) {
    if (dt > gridDt)
        return false;
    const double ratio = gridDt / dt;
    return std::floor(ratio) == ratio;
}

const Expr* firstTimedArrayCall(const ExprPtr& expr, const Scope& scope) {
    return findCall(expr, [&scope](const std::string& name) {
        const auto symbol = scope.lookup(name);
        return symbol && symbol->kind == SymbolKind::Function;
    });
}

} // namespace

void refuseTimedArrayCalls(const ExprPtr& expr, const Scope& scope) {
    if (!expr)
        return;
    if (const Expr* call = firstTimedArrayCall(expr, scope))
        throw ModelError({"", "", call->position.line, call->position.column},
                         "TimedArray '" + call->name +
                             "' can only be used in code that runs during the simulation "
                             "(equations, threshold, reset, on_pre, on_post)");
}

std::vector<CheckedTimedArray> checkTimedArrays(const std::vector<TimedArraySpec>& specs,
                                                Scope& constants) {
    std::vector<CheckedTimedArray> arrays;
    for (const TimedArraySpec& spec : specs) {
        CheckedTimedArray array = checkTimedArray(spec, constants);
        Symbol symbol(SymbolKind::Function, array.dim, ValueType::Float, 0.0);
        symbol.timed.rows = array.rows;
        symbol.timed.columns = array.columns;
        symbol.timed.gridDt = array.dt;
        constants.define(array.name, symbol);
        arrays.push_back(std::move(array));
    }
    return arrays;
}

void padForReplacements(std::vector<CheckedTimedArray>& arrays,
                        const std::vector<ProtocolSegmentSpec>& protocol, Scope& constants) {
    for (CheckedTimedArray& array : arrays) {
        long long rows = array.rows;
        for (const ProtocolSegmentSpec& segment : protocol)
            for (const ProtocolChange& change : segment.set)
                if (change.replacesTimedArray() && change.timedArray->name == array.name)
                    rows = std::max(rows, change.timedArray->rows);
        if (rows == array.rows)
            continue;
        padToRows(array, rows);
        Symbol symbol = *constants.lookup(array.name);
        symbol.timed.rows = rows;
        constants.define(array.name, symbol);
    }
}

// The last row repeated: a lookup past the values reads it anyway, so the
// padded array gives the same value at every time.
void padToRows(CheckedTimedArray& array, long long rows) {
    if (rows <= array.rows || array.rows == 0)
        return;
    const auto width = static_cast<size_t>(std::max(array.columns, 1LL));
    const std::vector<double> last(array.values.end() - static_cast<std::ptrdiff_t>(width),
                                   array.values.end());
    for (long long row = array.rows; row < rows; ++row)
        array.values.insert(array.values.end(), last.begin(), last.end());
    array.rows = rows;
}

void defineTimedArraysFor(Scope& scope, const Scope& constants, double dt) {
    for (const auto& [name, symbol] : constants.localSymbols()) {
        if (symbol.kind != SymbolKind::Function)
            continue;
        Symbol local = symbol;
        local.timed.oversampling = oversamplingFactor(symbol.timed.gridDt, dt);
        local.timed.constantOverStep = holdsOverStep(symbol.timed.gridDt, dt);
        scope.define(name, local);
    }
}

} // namespace spikestudio
