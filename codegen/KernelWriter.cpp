#include "codegen/KernelWriter.h"

#include "codegen/CEmitter.h"
#include "codegen/DrawText.h"
#include "codegen/GslKernelWriter.h"
#include "codegen/KernelTemplates.h"
#include "model/CheckSupport.h"
#include "runtime/BinomialSampler.h"

namespace spikestudio {

KernelSource KernelWriter::finish(KernelBody& body, const std::string& templateName) const {
    const KernelLoop loop = templateName == "reset" ? KernelLoop::Events : KernelLoop::Elements;
    return body.source(body.fill(kernelTemplate(templateName)), loop);
}

KernelSource KernelWriter::stateUpdate() const {
    return within(group_.name, "equations", [&]() -> KernelSource {
        if (isGslMethod(group_.method))
            return writeGslStateUpdate(group_, view_, constants_);
        KernelBody body(view_, constants_);
        body.statements(group_.stateUpdate);
        return finish(body, "stateupdate");
    });
}

KernelSource KernelWriter::constantOverDt() const {
    return within(group_.name, "equations", [&]() -> KernelSource {
        if (group_.constantOverDt.empty())
            return {};
        KernelBody body(view_, constants_);
        AbstractCode code(group_.constantOverDt.begin(), group_.constantOverDt.end());
        body.statements(code);
        return finish(body, "stateupdate");
    });
}

KernelSource KernelWriter::thresholdFor(const ExprPtr& condition, bool marksRefractory,
                                        const AbstractCode* update) const {
    KernelBody body(view_, constants_);
    if (update)
        body.statements(*update);
    body.assign("_cond", condition);
    // Runs over the elements found only, indexing the arrays directly.
    std::string afterEvent;
    if (marksRefractory)
        afterEvent = "        " + body.arrayPointer("lastspike") + "[_idx] = _t;\n        " +
                     body.arrayPointer("not_refractory") + "[_idx] = 0.0;\n";
    std::string code = body.fill(kernelTemplate("threshold"));
    replaceFirst(code, "%CONDITION%", body.temporaryLocal("_cond"));
    replaceFirst(code, "%AFTER_SPIKE%\n", afterEvent);
    return body.source(code, KernelLoop::Threshold);
}

KernelSource KernelWriter::resetFor(const std::vector<Statement>& code) const {
    if (code.empty())
        return {};
    KernelBody body(view_, constants_);
    for (const Statement& statement : code)
        body.assign(statement.target, statement.expandedValue());
    return finish(body, "reset");
}

std::string KernelWriter::eventField(const CheckedEvent& event, const char* part) const {
    return "events[" + std::to_string(&event - group_.events.data()) + "]." + part;
}

ExprPtr KernelWriter::spikeCondition() const {
    if (group_.refractoryKind == RefractoryKind::None)
        return group_.threshold;
    return makeLogical(LogicalOp::And, group_.threshold, makeName("not_refractory"));
}

KernelSource KernelWriter::threshold() const {
    return within(group_.name, "threshold", [&] {
        return thresholdFor(spikeCondition(), group_.refractoryKind != RefractoryKind::None);
    });
}

KernelSource KernelWriter::stateUpdateAndThreshold() const {
    return within(group_.name, "threshold", [&] {
        return thresholdFor(spikeCondition(), group_.refractoryKind != RefractoryKind::None,
                            &group_.stateUpdate);
    });
}

KernelSource KernelWriter::reset() const {
    return within(group_.name, "reset", [&] { return resetFor(group_.reset); });
}

// Brian2 applies refractoriness to the spike event only: a custom event's
// thresholder neither adds `not_refractory` nor sets `lastspike`.
KernelSource KernelWriter::eventThreshold(const CheckedEvent& event) const {
    return within(group_.name, eventField(event, "condition"),
                  [&] { return thresholdFor(event.condition, false); });
}

KernelSource KernelWriter::eventCode(const CheckedEvent& event) const {
    return within(group_.name, eventField(event, "code"), [&] { return resetFor(event.code); });
}

KernelSource KernelWriter::runRegularly(const CheckedRunRegularly& operation) const {
    return within(group_.name, "run_regularly", [&]() -> KernelSource {
        KernelBody body(view_, constants_);
        for (const Statement& statement : operation.code)
            body.assign(statement.target, statement.expandedValue());
        return finish(body, "stateupdate");
    });
}

namespace {
/// C drawing how many of a PoissonInput's inputs fired this step, as Brian2's
/// BinomialFunction does (only numbers reach the C, never user text).
std::string binomialDraw(const BinomialPlan& plan) {
    if (plan.normal)
        return normalDrawText(plan.mean, plan.deviation);
    const std::string successes = "spikestudio_binomial_inversion(_context->rng, " +
                                  std::to_string(plan.n) + ", " + cLiteral(plan.p) + ", " +
                                  cLiteral(plan.q) + ", " + cLiteral(plan.qn) + ", " +
                                  std::to_string(plan.bound) + ")";
    if (plan.countsFailures)
        return "(" + cLiteral(static_cast<double>(plan.n)) + " - " + successes + ")";
    return successes;
}
} // namespace

KernelSource KernelWriter::poissonInput(const CheckedPoissonInput& input) const {
    return within(input.name, "weight", [&]() -> KernelSource {
        const GroupView guarded(group_, true, input.range.start);
        KernelBody body(guarded, constants_);
        std::string draw = binomialDraw(planBinomial(input.count, input.probability));
        // Brian2 evaluates a conditionally written statement only where the
        // condition holds, so refractory neurons draw no random numbers.
        const auto access = guarded.access(input.variable);
        if (access && access->writeGuard) // a group's write guard is its not_refractory
            draw = "((" + body.variable("not_refractory") + " != 0.0) ? " + draw + " : 0.0)";
        body.assignC("_inputs", draw);
        body.assign(input.variable, makeName(input.variable) + makeName("_inputs") * input.weight);
        return finish(body, "stateupdate");
    });
}

KernelSource KernelWriter::stateMonitor(const std::vector<ExprPtr>& variables) const {
    return within(group_.name, "equations", [&]() -> KernelSource {
        KernelBody body(view_, constants_, {binding::RecordedIndices{}, binding::RecordRow{}});
        for (size_t v = 0; v < variables.size(); ++v)
            body.appendVector("        _row[" + std::to_string(v) +
                              "*_N + _k] = " + body.emit(variables[v]) + ";\n");
        return finish(body, "statemonitor");
    });
}

} // namespace spikestudio
