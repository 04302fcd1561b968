#include "codegen/SynapsesKernelWriter.h"

#include "codegen/KernelTemplates.h"
#include "model/CheckSupport.h"

#include <optional>
#include <set>

namespace spikestudio {

namespace {
/// A synapse kernel template with the locals they all share filled in.
std::string synapseTemplate(const std::string& name) {
    std::string text = kernelTemplate(name);
    replaceFirst(text, "%SYNAPSE_LOCALS%\n", kernelTemplate("synapses_locals"));
    return text;
}
} // namespace

KernelSource SynapsesKernelWriter::finish(KernelBody& body, const std::string& templateName) const {
    return body.source(body.fill(synapseTemplate(templateName)), KernelLoop::Elements);
}

KernelSource SynapsesKernelWriter::stateUpdate() const {
    return within(synapses_.name, "model", [&]() -> KernelSource {
        KernelBody body(view_, constants_);
        body.statements(synapses_.stateUpdate);
        return finish(body, "synapses_stateupdate");
    });
}

KernelSource SynapsesKernelWriter::constantOverDt() const {
    return within(synapses_.name, "model", [&]() -> KernelSource {
        if (synapses_.constantOverDt.empty())
            return {};
        KernelBody body(view_, constants_);
        body.statements(
            AbstractCode(synapses_.constantOverDt.begin(), synapses_.constantOverDt.end()));
        return finish(body, "synapses_stateupdate");
    });
}

KernelSource SynapsesKernelWriter::runRegularly(const CheckedRunRegularly& operation) const {
    return within(synapses_.name, "run_regularly", [&]() -> KernelSource {
        KernelBody body(view_, constants_);
        for (const Statement& statement : operation.code)
            body.assign(statement.target, statement.value);
        if (operation.drawsElementByElement)
            body.drawElementByElement();
        return finish(body, "synapses_stateupdate");
    });
}

KernelSource SynapsesKernelWriter::pathway(const CheckedPathway& pathway) const {
    return within(synapses_.name, pathway.codeField, [&]() -> KernelSource {
        KernelBody body(view_, constants_);
        body.statements(pathway.code);
        if (pathway.drawsSynapseBySynapse)
            body.drawElementByElement();
        std::string code = body.fill(synapseTemplate("synapses_pathway"));
        // Calls on several threads take disjoint ranges of the neurons the
        // code writes (Brian2's OpenMP device splits by target the same way),
        // or of the synapses when it writes only theirs.
        const std::set<std::string> written = body.writtenIndices();
        std::optional<SynapseSide> owner;
        if (written.count("_post"))
            owner = SynapseSide::Post;
        else if (written.count("_pre"))
            owner = SynapseSide::Pre;
        const std::string ownerIndex =
            !owner ? "_idx" : (*owner == SynapseSide::Post ? "_post" : "_pre");
        replaceEach(code, "%OWNER%", ownerIndex, 2); // the range's two ends
        // Consecutive synapses that own themselves: a call's part of them is
        // a range; written neurons are only known synapse by synapse.
        replaceFirst(code, "%OWNED_BY_SYNAPSE%", owner ? "0" : "1");
        // Owned by their targets: a slice of each source's ascending targets
        // is found by bisection, runs onto consecutive neurons need no test.
        replaceEach(code, "%OWNED_BY_POST%", owner == SynapseSide::Post ? "1" : "0", 2);
        KernelSource source = body.source(code, KernelLoop::Due, ownerIndex);
        source.owner = owner;
        return source;
    });
}

KernelSource SynapsesKernelWriter::summed(const CheckedSummedVariable& summed) const {
    return within(synapses_.name, "model", [&]() -> KernelSource {
        KernelBody body(view_, constants_, {binding::GroupVariable{summed.side, summed.variable}});
        body.assign("_summed", summed.value);
        std::string code = body.fill(synapseTemplate("summed"));
        const bool post = summed.side == SynapseSide::Post;
        replaceEach(code, "%INTO%", post ? "_post" : "_pre", 2);
        const ElementRange& written = post ? synapses_.targetRange : synapses_.sourceRange;
        replaceEach(code, "%FIRST_NEURON%", std::to_string(written.start), 2);
        replaceEach(code, "%VALUE%", body.temporaryLocal("_summed"), 2);
        // The checker refuses values that read the variable they write: a
        // part would read other parts' sums.
        return body.source(code, KernelLoop::Written);
    });
}

KernelSource SynapsesKernelWriter::stateMonitor(const std::vector<ExprPtr>& variables) const {
    return within(synapses_.name, "model", [&]() -> KernelSource {
        KernelBody body(view_, constants_, {binding::RecordedIndices{}, binding::RecordRow{}});
        for (size_t v = 0; v < variables.size(); ++v)
            body.appendVector("        _row[" + std::to_string(v) +
                              "*_N + _k] = " + body.emit(variables[v]) + ";\n");
        return finish(body, "synapses_statemonitor");
    });
}

} // namespace spikestudio
