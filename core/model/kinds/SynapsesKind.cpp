#include "model/SynapsesChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

SynapsesSpec newSynapses() {
    SynapsesSpec spec;
    spec.connect.p = "0.1";
    return spec;
}

SynapsesKind describeSynapses() {
    SynapsesKind kind;
    kind.typeName = "Synapses";
    kind.family = ObjectFamily::Synapses;
    kind.label = "synapses";
    kind.shortLabel = "synapses";
    kind.summary = "each pair connected with probability 0.1";
    kind.description = "Connections from a source group to a target group";
    kind.namePrefix = "S";
    kind.style = StyleRole::Connection;
    kind.add(CommonFields::name("Synapses object"), &SynapsesSpec::name);
    kind.add(CommonFields::reference("source", "Source", {ObjectFamily::Group},
                                     "The group whose spikes arrive through these synapses"),
             &SynapsesSpec::source);
    kind.add(CommonFields::reference("target", "Target",
                                     {ObjectFamily::Group, ObjectFamily::Synapses},
                                     "The group these synapses act on, or a Synapses object "
                                     "written before them (synapses acting on synapses)"),
             &SynapsesSpec::target);
    kind.add({.key = "model",
              .type = FieldType::Equations,
              .unit = UnitRule::Declared,
              .editor = EditorHint::CodeEditor,
              .label = "Model",
              .example = "w : volt",
              .description = "Synaptic equations: weights, traces, summed variables",
              .lines = 3},
             &SynapsesSpec::model);
    kind.add({.key = "on_pre",
              .type = FieldType::Statements,
              .unit = UnitRule::PerStatementTarget,
              .editor = EditorHint::CodeEditor,
              .label = "On pre",
              .example = "v_post += w",
              .description = "Statements run for each synapse when its source neuron spikes",
              .lines = 2},
             &SynapsesSpec::onPre);
    kind.add({.key = "on_post",
              .type = FieldType::Statements,
              .unit = UnitRule::PerStatementTarget,
              .editor = EditorHint::CodeEditor,
              .label = "On post",
              .emptyMeans = "none",
              .description = "Statements run for each synapse when its target neuron spikes",
              .lines = 2},
             &SynapsesSpec::onPost);
    kind.add({.key = "connect",
              .type = FieldType::ConnectRule,
              .editor = EditorHint::ConnectForm,
              .label = "Connect",
              .emptyMeans = "every pair",
              .description = "Which synapses exist: a condition with p and n, index arrays, "
                             "or a generator for j; a list of them for several connect() calls"},
             ConnectSlot<SynapsesSpec>{&SynapsesSpec::connect, &SynapsesSpec::laterConnects});
    kind.add({.key = "multisynaptic_index",
              .type = FieldType::Name,
              .editor = EditorHint::Expression,
              .label = "Multisynaptic index",
              .emptyMeans = "none",
              .description = "An integer variable numbering the synapses of each (i, j) pair "
                             "0, 1, 2, ... (Brian2's multisynaptic_index)"},
             &SynapsesSpec::multisynapticIndex);
    kind.add({.key = "delay",
              .type = FieldType::Expression,
              .unit = UnitRule::Time,
              .editor = EditorHint::Expression,
              .label = "Delay",
              .emptyMeans = "0*ms",
              .description = "How long a presynaptic spike takes to arrive, per synapse; "
                             "Initial values may set 'delay' for some synapses"},
             &SynapsesSpec::delay);
    kind.add({.key = "pathways",
              .type = FieldType::Pathways,
              .label = "Pathways",
              .emptyMeans = "only on_pre and on_post",
              .description = "Further pathways, each with a name, a direction (pre or post), "
                             "code, its own delay and the event it listens to"},
             &SynapsesSpec::pathways);
    kind.add(CommonFields::method(false), &SynapsesSpec::method);
    kind.add(CommonFields::dt("the model's dt"), &SynapsesSpec::dt);
    kind.add(CommonFields::initial(false),
             InitialSlot<SynapsesSpec>{&SynapsesSpec::initial, &SynapsesSpec::assignments});
    kind.add(CommonFields::runRegularly("synapse"), &SynapsesSpec::runRegularly);
    kind.add(CommonFields::order("0"), &SynapsesSpec::order);
    kind.add(CommonFields::active(), &SynapsesSpec::active);
    kind.prototype = newSynapses;
    kind.check = checkSynapses;
    return kind;
}

} // namespace

const SynapsesKind& synapsesKind() {
    static const SynapsesKind kind = describeSynapses();
    return kind;
}

} // namespace spikestudio
