#pragma once

#include "codegen/GroupView.h"
#include "codegen/KernelBody.h"
#include "codegen/KernelSource.h"

namespace spikestudio {

/// Fills the C templates for a checked group's operations.
class KernelWriter {
public:
    /// With a `start`, kernels run on the subgroup from element `start`:
    /// their _idx and i count from it (a subgroup's StateMonitor).
    KernelWriter(const CheckedGroup& group, const ConstantTable& constants, long long start = 0)
        : group_(group), view_(group, false, start), constants_(constants) {}

    KernelSource stateUpdate() const;
    KernelSource constantOverDt() const; // empty code when the group has none
    KernelSource threshold() const;      // requires a threshold
    /// The state update and the threshold as one kernel (Threshold loop),
    /// for a group where nothing runs between them; not for GSL methods.
    KernelSource stateUpdateAndThreshold() const;
    KernelSource reset() const; // empty code when the group has no reset
    /// A custom event's thresholder: fills its eventspace where its condition
    /// holds (refractoriness only as the condition says).
    KernelSource eventThreshold(const CheckedEvent& event) const;
    /// A custom event's code, run for each element of its eventspace; empty
    /// code when it has none.
    KernelSource eventCode(const CheckedEvent& event) const;
    /// A run_regularly operation: its statements for every element, like a reset's.
    KernelSource runRegularly(const CheckedRunRegularly& operation) const;
    KernelSource stateMonitor(const std::vector<ExprPtr>& variables) const;
    /// A PoissonInput onto this group: each neuron adds binomial(N, p) * weight.
    KernelSource poissonInput(const CheckedPoissonInput& input) const;

private:
    KernelSource finish(KernelBody& body, const std::string& templateName) const;
    /// The threshold template for `condition` (spiking elements marked
    /// refractory with `marksRefractory`), after `update` when given.
    KernelSource thresholdFor(const ExprPtr& condition, bool marksRefractory,
                              const AbstractCode* update = nullptr) const;
    /// The threshold and, for a refractory group, not_refractory.
    ExprPtr spikeCondition() const;
    KernelSource resetFor(const std::vector<Statement>& code) const;
    std::string eventField(const CheckedEvent& event, const char* part) const;

    const CheckedGroup& group_;
    GroupView view_;
    const ConstantTable& constants_;
};

} // namespace spikestudio
