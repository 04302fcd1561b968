#include "BaseModel.h"

#include "model/ModelReader.h"

namespace spikestudio::fuzz {

namespace {

const char* const kBaseModel =
    R"json({"format": "spikestudio-model", "version": 1, "name": "fuzz base",
 "dt": "0.1*ms", "duration": "2*ms", "seed": 1,
 "constants": {"tau": "10*ms", "Vt": "-50*mV", "Vr": "-60*mV", "w0": "0.5*mV"},
 "timed_arrays": [
   {"name": "stim", "dt": "1*ms", "unit": "mV", "values": [0, 4, 8]},
   {"name": "table", "dt": "0.5*ms", "values": [[0.0, 1.0], [0.5, 1.5]]}],
 "groups": [
   {"name": "G", "type": "NeuronGroup", "N": 4, "method": "",
    "equations": "dv/dt = (Vr - v + I + stim(t))/tau : volt (unless refractory)\nI : volt\ndg/dt = -g/tau + table(t, i % 2)/tau : 1\ns = v/mV + g : 1\nx : 1",
    "threshold": "v > Vt", "reset": "v = Vr\ng += 1", "refractory": "2*ms",
    "initial": {"v": "Vr + rand()*(Vt - Vr)", "I": "20*mV + i*mV"}},
   {"name": "P", "type": "PoissonGroup", "N": 3, "rates": "(10 + i)*Hz"},
   {"name": "SG", "type": "SpikeGeneratorGroup", "N": 2, "indices": [0, 1], "times": ["0.5*ms", "1*ms"], "period": "1.5*ms"}],
 "poisson_inputs": [
   {"name": "PI", "target": "G", "variable": "v", "N": 5, "rate": "5*Hz", "weight": "w0"}],
 "synapses": [
   {"name": "S", "source": "P", "target": "G", "model": "w : volt\ndapre/dt = -apre/tau : 1 (event-driven)",
    "on_pre": "v += w\napre += 1", "on_post": "w = clip(w + apre*mV, 0*mV, 2*mV)",
    "connect": {"condition": "i != j", "p": "0.5", "n": "1"}, "delay": "rand()*ms",
    "initial": {"w": "w0"}},
   {"name": "R", "source": "G", "target": "G", "model": "x_post = g_pre : 1 (summed)",
    "connect": {"j": "k for k in range(i - 1, i + 2) if k != i and k >= 0 and k < N_post"}},
   {"name": "A", "source": "SG", "target": "G", "on_pre": "g += 0.1",
    "connect": {"i": [0, 1], "j": [2, 3]}}],
 "monitors": [
   {"name": "spikes", "type": "SpikeMonitor", "source": "G"},
   {"name": "trace", "type": "StateMonitor", "source": "G", "variables": ["v", "s"], "record": [0, 3], "dt": "0.2*ms"},
   {"name": "rate", "type": "PopulationRateMonitor", "source": "G"},
   {"name": "weights", "type": "StateMonitor", "source": "S", "variables": ["w"], "record": [0]}]})json";

// Positions in kBaseModel's lists.
enum Group { G, P, SG };
enum Synapses { S, R, A };
enum Monitor { Spikes, Trace, Rate, Weights };

} // namespace

const Model& baseModel() {
    static const Model model = readModel(kBaseModel);
    return model;
}

const std::vector<TextField>& textFields() {
    using T = const std::string&;
    static const std::vector<TextField> fields = {
        {"model.dt", [](Model& m, T text) { m.dt = text; }},
        {"model.duration", [](Model& m, T text) { m.duration = text; }},
        {"constants.tau", [](Model& m, T text) { m.constants[0].second = text; }},
        {"stim.dt", [](Model& m, T text) { m.timedArrays[0].dt = text; }},
        {"stim.unit", [](Model& m, T text) { m.timedArrays[0].unit = text; }},
        {"G.equations", [](Model& m, T text) { m.groups[G].equations = text; }},
        {"G.threshold", [](Model& m, T text) { m.groups[G].threshold = text; }},
        {"G.reset", [](Model& m, T text) { m.groups[G].reset = text; }},
        {"G.refractory", [](Model& m, T text) { m.groups[G].refractory = text; }},
        {"G.method", [](Model& m, T text) { m.groups[G].method = text; }},
        {"G.dt", [](Model& m, T text) { m.groups[G].dt = text; }},
        {"G.initial.v", [](Model& m, T text) { m.groups[G].initial[0].second = text; }},
        {"P.rates", [](Model& m, T text) { m.groups[P].rates = text; }},
        {"SG.times", [](Model& m, T text) { m.groups[SG].spikeTimes[0] = text; }},
        {"SG.period", [](Model& m, T text) { m.groups[SG].period = text; }},
        {"PI.rate", [](Model& m, T text) { m.poissonInputs[0].rate = text; }},
        {"PI.weight", [](Model& m, T text) { m.poissonInputs[0].weight = text; }},
        {"S.model", [](Model& m, T text) { m.synapses[S].model = text; }},
        {"S.on_pre", [](Model& m, T text) { m.synapses[S].onPre = text; }},
        {"S.on_post", [](Model& m, T text) { m.synapses[S].onPost = text; }},
        {"S.connect.condition", [](Model& m, T text) { m.synapses[S].connect.condition = text; }},
        {"S.connect.p", [](Model& m, T text) { m.synapses[S].connect.p = text; }},
        {"S.connect.n", [](Model& m, T text) { m.synapses[S].connect.n = text; }},
        {"S.delay", [](Model& m, T text) { m.synapses[S].delay = text; }},
        {"S.initial.w", [](Model& m, T text) { m.synapses[S].initial[0].second = text; }},
        {"S.method", [](Model& m, T text) { m.synapses[S].method = text; }},
        {"S.dt", [](Model& m, T text) { m.synapses[S].dt = text; }},
        {"R.model", [](Model& m, T text) { m.synapses[R].model = text; }},
        {"R.connect.j", [](Model& m, T text) { m.synapses[R].connect.generator = text; }},
        {"A.on_pre", [](Model& m, T text) { m.synapses[A].onPre = text; }},
        {"trace.dt", [](Model& m, T text) { m.monitors[Trace].dt = text; }},
        {"trace.variables", [](Model& m, T text) { m.monitors[Trace].variables = {text}; }},
    };
    return fields;
}

} // namespace spikestudio::fuzz
