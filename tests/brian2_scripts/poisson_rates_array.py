"""
A PoissonGroup with one rate per neuron from a numpy array (Stimberg et al.
2018 in Brian2's examples sweeps input rates this way), driving a neuron
group through synapses. The fastest ten are then set through a subgroup and
the first five by index, as numbers before the run.
"""
from brian2 import *

seed(17)
input_rates = np.logspace(0, 2.5, 40)*Hz
inputs = PoissonGroup(40, rates=input_rates, name='inputs')
fastest = inputs[30:]
fastest.rates = 150*Hz
inputs.rates[:5] = [5, 10, 15, 20, 25]*Hz
neurons = NeuronGroup(40, 'dv/dt = -v/(10*ms) : 1', threshold='v > 1', reset='v = 0',
                      method='exact', name='neurons')
feed = Synapses(inputs, neurons, on_pre='v += 0.4', name='feed')
feed.connect(j='i')
input_spikes = SpikeMonitor(inputs, name='input_spikes')
spikes = SpikeMonitor(neurons, name='spikes')
trace = StateMonitor(neurons, 'v', record=[0, 20, 39], name='trace')
run(200*ms)
