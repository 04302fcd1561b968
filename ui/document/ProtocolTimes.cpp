#include "document/ProtocolTimes.h"

#include "expr/ConstantFolder.h"
#include "expr/Parser.h"
#include "run/ModelConstants.h"
#include "units/Dimension.h"

#include <cmath>

namespace spikestudio::ProtocolTimes {

namespace {

Scope constantScope(const Model& model) {
    Scope scope;
    for (const ModelConstant& constant : evaluableConstants(model))
        scope.define(constant.name,
                     Symbol(SymbolKind::Constant, constant.dim, ValueType::Float, constant.value));
    return scope;
}

std::optional<double> seconds(const std::string& text, const Scope& scope) {
    try {
        const Quantity value = evaluateQuantity(parseExpression(text), scope);
        if (value.dim != Dimension::second() || !std::isfinite(value.value) || value.value < 0)
            return std::nullopt;
        return value.value;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

std::vector<std::optional<double>> durations(const Model& model) {
    const Scope scope = constantScope(model);
    std::vector<std::optional<double>> result;
    for (const ProtocolSegmentSpec& segment : model.protocol)
        result.push_back(seconds(segment.duration, scope));
    return result;
}

std::vector<double> starts(const Model& model) {
    std::vector<double> result;
    double time = 0.0;
    for (const std::optional<double>& duration : durations(model)) {
        if (!duration)
            return {};
        result.push_back(time);
        time += *duration;
    }
    return result;
}

std::optional<double> total(const Model& model) {
    if (model.protocol.empty())
        return std::nullopt;
    double sum = 0.0;
    for (const std::optional<double>& duration : durations(model)) {
        if (!duration)
            return std::nullopt;
        sum += *duration;
    }
    return sum;
}

} // namespace spikestudio::ProtocolTimes
