#pragma once

#include "KernelView.h"
#include "model/CheckedModel.h"

namespace spikestudio {

/// A neuron group's names: its variables live in arrays named after them, indexed by _idx.
class GroupView : public KernelView {
public:
    explicit GroupView(const CheckedGroup& group) : group_(group) {}

    const Scope& scope() const override { return *group_.scope; }
    std::string special(const std::string& name) const override {
        return name == "i" ? "((double)_idx)" : "";
    }
    std::optional<NameAccess> access(const std::string& name) const override {
        const auto symbol = group_.scope->lookup(name);
        if (!symbol || symbol->kind == SymbolKind::Constant || !group_.scope->definesLocally(name))
            return std::nullopt;
        return NameAccess{name, symbol->kind == SymbolKind::Shared ? "0" : "_idx", ""};
    }

private:
    const CheckedGroup& group_;
};

} // namespace spikestudio
