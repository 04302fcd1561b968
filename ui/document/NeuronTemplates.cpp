#include "document/NeuronTemplates.h"

#include <QObject>

namespace spikestudio {

namespace NeuronTemplates {

namespace {

GroupSpec neuronGroup(long long size, std::string equations, std::string threshold,
                      std::string reset, std::string refractory, std::string method,
                      NamedExpressions initial) {
    GroupSpec group;
    group.type = GroupType::NeuronGroup;
    group.size = size;
    group.equations = std::move(equations);
    group.threshold = std::move(threshold);
    group.reset = std::move(reset);
    group.refractory = std::move(refractory);
    group.method = std::move(method);
    group.initial = std::move(initial);
    return group;
}

// Leaky integrate-and-fire driven by a constant current.
GroupSpec lif() {
    return neuronGroup(100,
                       "dv/dt = (EL - v + R*I)/taum : volt (unless refractory)\n"
                       "I : amp\n"
                       "EL : volt (constant)\n"
                       "R : ohm (constant)\n"
                       "taum : second (constant)",
                       "v > -50*mV", "v = -70*mV", "2*ms", "exact",
                       {{"EL", "-70*mV"},
                        {"R", "100*Mohm"},
                        {"taum", "10*ms"},
                        {"I", "0.15*nA + 0.1*nA*i/N"},
                        {"v", "EL"}});
}

// Adaptive exponential integrate-and-fire (Brette & Gerstner 2005).
GroupSpec adex() {
    return neuronGroup(10,
                       "dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT) + I - w)/C : volt\n"
                       "dw/dt = (a*(v - EL) - w)/tauw : amp\n"
                       "I : amp\n"
                       "C : farad (constant)\n"
                       "gL : siemens (constant)\n"
                       "EL : volt (constant)\n"
                       "VT : volt (constant)\n"
                       "DeltaT : volt (constant)\n"
                       "a : siemens (constant)\n"
                       "tauw : second (constant)\n"
                       "b : amp (constant)\n"
                       "Vr : volt (constant)",
                       "v > VT + 5*DeltaT", "v = Vr\nw += b", "", "euler",
                       {{"C", "281*pF"},
                        {"gL", "30*nS"},
                        {"EL", "-70.6*mV"},
                        {"VT", "-50.4*mV"},
                        {"DeltaT", "2*mV"},
                        {"a", "4*nS"},
                        {"tauw", "144*ms"},
                        {"b", "0.0805*nA"},
                        {"Vr", "-70.6*mV"},
                        {"I", "1*nA"},
                        {"v", "EL"}});
}

// Izhikevich (2003), regular spiking.
GroupSpec izhikevich() {
    return neuronGroup(10,
                       "dv/dt = (0.04*v**2/mV + 5*v + 140*mV - u + I)/ms : volt\n"
                       "du/dt = a*(b*v - u)/ms : volt\n"
                       "I : volt\n"
                       "a : 1 (constant)\n"
                       "b : 1 (constant)\n"
                       "c : volt (constant)\n"
                       "d : volt (constant)",
                       "v >= 30*mV", "v = c\nu += d", "", "euler",
                       {{"a", "0.02"},
                        {"b", "0.2"},
                        {"c", "-65*mV"},
                        {"d", "8*mV"},
                        {"I", "10*mV"},
                        {"v", "-65*mV"},
                        {"u", "b*v"}});
}

// Hodgkin-Huxley (Traub & Miles, as in Brette et al. 2007's COBAHH), current-driven.
GroupSpec hodgkinHuxley() {
    return neuronGroup(
        10,
        "dv/dt = (gl*(El - v) - g_na*(m*m*m)*h*(v - ENa) - g_kd*(n*n*n*n)*(v - EK) + I)/Cm : volt\n"
        "dm/dt = alpha_m*(1 - m) - beta_m*m : 1\n"
        "dn/dt = alpha_n*(1 - n) - beta_n*n : 1\n"
        "dh/dt = alpha_h*(1 - h) - beta_h*h : 1\n"
        "alpha_m = 0.32*(mV**-1)*(13*mV - v + VT)/(exp((13*mV - v + VT)/(4*mV)) - 1.)/ms : Hz\n"
        "beta_m = 0.28*(mV**-1)*(v - VT - 40*mV)/(exp((v - VT - 40*mV)/(5*mV)) - 1)/ms : Hz\n"
        "alpha_h = 0.128*exp((17*mV - v + VT)/(18*mV))/ms : Hz\n"
        "beta_h = 4./(1 + exp((40*mV - v + VT)/(5*mV)))/ms : Hz\n"
        "alpha_n = 0.032*(mV**-1)*(15*mV - v + VT)/(exp((15*mV - v + VT)/(5*mV)) - 1.)/ms : Hz\n"
        "beta_n = .5*exp((10*mV - v + VT)/(40*mV))/ms : Hz\n"
        "I : amp\n"
        "Cm : farad (constant)\n"
        "gl : siemens (constant)\n"
        "g_na : siemens (constant)\n"
        "g_kd : siemens (constant)\n"
        "El : volt (constant)\n"
        "EK : volt (constant)\n"
        "ENa : volt (constant)\n"
        "VT : volt (constant)",
        "v > -20*mV", "", "3*ms", "exponential_euler",
        {{"Cm", "200*pF"},
         {"gl", "10*nS"},
         {"g_na", "20*uS"},
         {"g_kd", "6*uS"},
         {"El", "-60*mV"},
         {"EK", "-90*mV"},
         {"ENa", "50*mV"},
         {"VT", "-63*mV"},
         {"I", "0.2*nA + 0.1*nA*i/N"},
         {"v", "El"}});
}

// Conductance-based LIF with exponential excitatory and inhibitory synapses.
GroupSpec conductanceLif() {
    return neuronGroup(100,
                       "dv/dt = (EL - v + (ge*(Ee - v) + gi*(Ei - v))/gL)/taum : volt "
                       "(unless refractory)\n"
                       "dge/dt = -ge/taue : siemens\n"
                       "dgi/dt = -gi/taui : siemens\n"
                       "EL : volt (constant)\n"
                       "Ee : volt (constant)\n"
                       "Ei : volt (constant)\n"
                       "gL : siemens (constant)\n"
                       "taum : second (constant)\n"
                       "taue : second (constant)\n"
                       "taui : second (constant)",
                       "v > -50*mV", "v = -60*mV", "5*ms", "",
                       {{"EL", "-60*mV"},
                        {"Ee", "0*mV"},
                        {"Ei", "-80*mV"},
                        {"gL", "10*nS"},
                        {"taum", "20*ms"},
                        {"taue", "5*ms"},
                        {"taui", "10*ms"},
                        {"v", "EL + rand()*10*mV"}});
}

} // namespace

const std::vector<Template>& all() {
    static const std::vector<Template> templates = {
        {"lif", QObject::tr("Leaky integrate-and-fire"), lif()},
        {"adex", QObject::tr("Adaptive exponential (AdEx)"), adex()},
        {"izhikevich", QObject::tr("Izhikevich"), izhikevich()},
        {"hh", QObject::tr("Hodgkin-Huxley"), hodgkinHuxley()},
        {"coba", QObject::tr("Conductance-based LIF"), conductanceLif()},
    };
    return templates;
}

GroupSpec make(const QString& id, const std::string& name) {
    GroupSpec group = all().front().group;
    for (const Template& entry : all())
        if (entry.id == id)
            group = entry.group;
    group.name = name;
    return group;
}

} // namespace NeuronTemplates

} // namespace spikestudio
