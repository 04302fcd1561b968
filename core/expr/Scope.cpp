#include "expr/Scope.h"

#include "expr/BuiltinFunction.h"
#include "units/UnitRegistry.h"

namespace spikestudio {

std::optional<Symbol> Scope::lookup(std::string_view name) const {
    for (const Scope* scope = this; scope; scope = scope->parent_) {
        const auto found = scope->symbols_.find(name);
        if (found != scope->symbols_.end())
            return found->second;
    }
    double value = 0.0;
    if (findBuiltinConstant(name, value))
        return Symbol{SymbolKind::Constant, Dimension(), ValueType::Float, value};
    if (const auto unit = UnitRegistry::instance().lookup(name))
        return Symbol{SymbolKind::Constant, unit->dim, ValueType::Float, unit->value};
    return std::nullopt;
}

} // namespace spikestudio
