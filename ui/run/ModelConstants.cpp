#include "run/ModelConstants.h"

#include "expr/ConstantFolder.h"
#include "expr/Parser.h"
#include "expr/Scope.h"

namespace spikestudio {

std::vector<ModelConstant> evaluableConstants(const Model& model) {
    std::vector<ModelConstant> constants;
    Scope scope; // the constants as the checker evaluates them, in order
    for (const auto& [name, text] : model.constants) {
        try {
            const Quantity value = evaluateQuantity(parseExpression(text), scope);
            scope.define(name,
                         Symbol(SymbolKind::Constant, value.dim, ValueType::Float, value.value));
            constants.push_back({name, text, value.dim, value.value});
        } catch (const std::exception&) {
            continue;
        }
    }
    return constants;
}

} // namespace spikestudio
