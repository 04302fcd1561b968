#include "KernelWriter.h"

#include "KernelTemplates.h"

namespace spikestudio {

KernelSource KernelWriter::finish(KernelBody& body, const std::string& templateName) const {
    return {kernelTemplate("prelude") + body.fill(kernelTemplate(templateName)), body.arrays()};
}

KernelSource KernelWriter::stateUpdate() const {
    KernelBody body(group_, constants_);
    body.statements(group_.stateUpdate);
    return finish(body, "stateupdate");
}

KernelSource KernelWriter::constantOverDt() const {
    if (group_.constantOverDt.empty())
        return {};
    KernelBody body(group_, constants_);
    AbstractCode code(group_.constantOverDt.begin(), group_.constantOverDt.end());
    body.statements(code);
    return finish(body, "stateupdate");
}

KernelSource KernelWriter::threshold() const {
    KernelBody body(group_, constants_);
    ExprPtr condition = group_.threshold;
    if (group_.refractoryKind != RefractoryKind::None)
        condition = makeLogical(LogicalOp::And, condition, makeName("not_refractory"));
    body.assign("_cond", condition);
    std::string afterSpike;
    if (group_.refractoryKind != RefractoryKind::None) {
        // Runs over the eventspace only, so these arrays are indexed directly.
        body.variable("lastspike");
        body.variable("not_refractory");
    }
    std::string code = body.fill(kernelTemplate("threshold"));
    const auto arrays = body.arrays();
    auto arrayOf = [&arrays](const std::string& name) {
        for (size_t k = 0; k < arrays.size(); ++k)
            if (arrays[k] == name)
                return "_a" + std::to_string(k);
        return std::string();
    };
    if (group_.refractoryKind != RefractoryKind::None)
        afterSpike = "        " + arrayOf("lastspike") + "[_idx] = _t;\n        " +
                     arrayOf("not_refractory") + "[_idx] = 0.0;\n";
    const std::string conditionLocal = "_t0";
    code.replace(code.find("%CONDITION%"), 11, conditionLocal);
    code.replace(code.find("%AFTER_SPIKE%\n"), 14, afterSpike);
    return {kernelTemplate("prelude") + code, arrays};
}

KernelSource KernelWriter::reset() const {
    if (group_.reset.empty())
        return {};
    KernelBody body(group_, constants_);
    for (const Statement& statement : group_.reset)
        body.assign(statement.target, statement.expandedValue());
    return finish(body, "reset");
}

KernelSource KernelWriter::stateMonitor(const std::vector<ExprPtr>& variables) const {
    KernelBody body(group_, constants_, {"@record", "@row"});
    for (size_t v = 0; v < variables.size(); ++v)
        body.appendVector("        _row[" + std::to_string(v) +
                          "*_N + _k] = " + body.emit(variables[v]) + ";\n");
    return finish(body, "statemonitor");
}

} // namespace spikestudio
