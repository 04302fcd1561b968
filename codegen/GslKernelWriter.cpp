#include "codegen/GslKernelWriter.h"

#include "codegen/ArithmeticRegrouping.h"
#include "codegen/CEmitter.h"
#include "codegen/KernelTemplates.h"
#include "codegen/LoopInvariants.h"
#include "equations/integrators/OdeSystem.h"
#include "expr/ExprRewrite.h"

#include <algorithm>

namespace spikestudio {

namespace {

const std::string kLoopIndent = "        ";

std::string numberList(const std::vector<double>& values) {
    std::string list;
    for (double value : values)
        list += (list.empty() ? "" : ", ") + cLiteral(value);
    return list;
}

/// The group's state update with each derivative's sums and products grouped
/// as Brian2's optimiser groups them, so that the same parts are the step's
/// (hoisted, at the step's t) and the same parts the solver's (at its t).
/// A refractoriness gate stays outermost: Brian2 writes it as a condition.
AbstractCode regroupedDerivatives(const CheckedGroup& group) {
    std::set<std::string> written;
    for (const AbstractStatement& statement : group.stateUpdate)
        if (const auto* assignment = std::get_if<Assignment>(&statement))
            written.insert(assignment->target);
    const Scope& scope = *group.scope;
    // Scalar: what the kernel hoists out of its loop (KernelBody's rule).
    const LoopInvariants scalars([&](const std::string& name) {
        const auto symbol = scope.lookup(name);
        return !name.starts_with("_") && !written.count(name) && symbol &&
               symbol->kind != SymbolKind::PerElement;
    });
    const ArithmeticRegrouping regrouping(
        scope, [&](const ExprPtr& expr) { return scalars.isInvariant(expr); });
    AbstractCode code = group.stateUpdate;
    for (AbstractStatement& statement : code) {
        auto* assignment = std::get_if<Assignment>(&statement);
        if (!assignment || !assignment->target.starts_with("_gsl_f"))
            continue; // the refractoriness update reads the solver's t as written
        const ExprPtr inner = ungated(assignment->value);
        assignment->value =
            inner ? gated(regrouping.regroup(inner)) : regrouping.regroup(assignment->value);
    }
    return code;
}

} // namespace

KernelSource writeGslStateUpdate(const CheckedGroup& group, const GroupView& view,
                                 const ConstantTable& constants) {
    const GslSettings& settings = group.gsl;
    KernelBody body(view, constants);
    for (size_t k = 0; k < settings.variables.size(); ++k)
        body.loadFrom(settings.variables[k], "_y[" + std::to_string(k) + "]");
    body.statements(regroupedDerivatives(group));

    std::string derivatives, fill, empty;
    for (size_t k = 0; k < settings.variables.size(); ++k) {
        const std::string component = "_y[" + std::to_string(k) + "]";
        const std::string element = body.elementOf(settings.variables[k]);
        derivatives += "    _f[" + std::to_string(k) +
                       "] = " + body.temporaryLocal(gslDerivativeName(k)) + ";\n";
        fill += kLoopIndent + component + " = " + element + ";\n";
        empty += kLoopIndent + element + " = " + component + ";\n";
    }
    std::string hoisted, keepHoisted;
    const std::vector<std::string> locals = body.hoistedLocals();
    for (size_t k = 0; k < locals.size(); ++k) {
        const std::string slot = "_hoisted[" + std::to_string(k) + "]";
        hoisted += "    const double " + locals[k] + " = " + slot + ";\n";
        keepHoisted += "    " + slot + " = " + locals[k] + ";\n";
    }
    const int flags = (settings.adaptableTimestep ? 1 : 0) | (settings.useLastTimestep ? 2 : 0);

    std::string code = kernelTemplate("stateupdate_gsl");
    replaceFirst(code, "%HOISTED%\n", hoisted);
    replaceFirst(code, "%DERIVATIVES%\n", derivatives);
    replaceFirst(code, "%KEEP_HOISTED%\n", keepHoisted);
    replaceFirst(code, "%FILL%\n", fill);
    replaceFirst(code, "%EMPTY%\n", empty);
    std::string counts;
    if (settings.saveStepCount)
        counts += kLoopIndent + body.elementOf("_step_count") + " = _counts[0];\n";
    if (settings.saveFailedSteps)
        counts += kLoopIndent + body.elementOf("_failed_steps") + " = _counts[1];\n";
    replaceFirst(code, "%COUNTS%\n", counts);
    replaceFirst(code, "%STEPS%", body.boundArray(binding::SolverSteps{}));
    replaceEach(code, "%DIMENSION%", std::to_string(settings.variables.size()), 3);
    replaceFirst(code, "%ERRORS%", numberList(settings.absoluteErrors));
    replaceFirst(code, "%HOISTED_SIZE%", std::to_string(std::max<size_t>(locals.size(), 1)));
    replaceFirst(code, "%STEPPER%", std::to_string(gslStepperIndex(group.method)));
    replaceFirst(code, "%MAX_STEPS%", std::to_string(settings.maxSteps));
    replaceFirst(code, "%FLAGS%", std::to_string(flags));
    KernelSource source = body.source(body.fill(code), KernelLoop::Elements);
    // Without its own last step, an element starts from the step size the one
    // before it ended with (Brian2 keeps one driver for the loop): one pass.
    if (!settings.useLastTimestep)
        source.independentElements = false;
    return source;
}

} // namespace spikestudio
