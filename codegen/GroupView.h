#pragma once

#include "codegen/KernelView.h"
#include "codegen/LinkedAccess.h"
#include "model/CheckedModel.h"

namespace spikestudio {

/// A neuron group's names: its variables live in arrays named after them, indexed by _idx.
class GroupView : public KernelView {
public:
    /// With `guardWrites`, writes to `(unless refractory)` variables land only
    /// while the neuron is not refractory (Brian2's conditional write for code
    /// that is not the group's own, such as a PoissonInput).
    /// With a `start`, element _idx is the group's element start + _idx (code
    /// that runs on a subgroup: its i counts from the subgroup's start).
    explicit GroupView(const CheckedGroup& group, bool guardWrites = false, long long start = 0)
        : group_(group), guardWrites_(guardWrites),
          element_(start == 0 ? "_idx" : "(_idx + " + std::to_string(start) + ")") {}

    const Scope& scope() const override { return *group_.scope; }
    std::string special(const std::string& name) const override {
        return name == "i" ? "((double)_idx)" : "";
    }
    std::optional<NameAccess> access(const std::string& name) const override {
        const auto symbol = group_.scope->lookup(name);
        if (!symbol || symbol->kind == SymbolKind::Constant || !group_.scope->definesLocally(name))
            return std::nullopt;
        if (const CheckedLink* link = group_.linkOf(name))
            return linkedAccess(group_.name, *link, name, element_);
        return NameAccess{binding::OwnVariable{name},
                          symbol->kind == SymbolKind::Shared ? "0" : element_, writeGuardOf(name)};
    }

private:
    std::optional<ArrayBinding> writeGuardOf(const std::string& name) const {
        const Equation* eq = group_.equations.find(name);
        const bool guarded = guardWrites_ && group_.refractoryKind != RefractoryKind::None && eq &&
                             eq->hasFlag("unless refractory");
        if (!guarded)
            return std::nullopt;
        return binding::OwnVariable{"not_refractory"};
    }

    const CheckedGroup& group_;
    bool guardWrites_;
    std::string element_; // C for the element _idx stands for
};

} // namespace spikestudio
