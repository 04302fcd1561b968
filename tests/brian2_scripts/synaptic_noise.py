"""
Noise in clock-driven synaptic equations: each synapse's efficacy wanders as
an Ornstein-Uhlenbeck process (`xi` in the Synapses model), Poisson spikes
carry it onto noisy LIF neurons.
"""
from brian2 import *

seed(21)
tau = 10*ms
tau_w = 20*ms
inputs = PoissonGroup(6, rates=150*Hz, name='inputs')
neurons = NeuronGroup(4, 'dv/dt = -v/tau + 0.3*mV*xi/sqrt(tau) : volt',
                      threshold='v > 3*mV', reset='v = 0*mV', method='euler',
                      name='neurons')
S = Synapses(inputs, neurons,
             '''dw/dt = (1 - w)/tau_w + 0.4*xi/sqrt(tau_w) : 1 (clock-driven)''',
             on_pre='v_post += w*mV', method='euler', name='S')
S.connect(p=0.5)
S.w = 1

spikes = SpikeMonitor(neurons, name='spikes')
weights = StateMonitor(S, 'w', record=[0, 1, 2], dt=1*ms, name='weights')
membrane = StateMonitor(neurons, 'v', record=True, name='membrane')
run(50*ms)
