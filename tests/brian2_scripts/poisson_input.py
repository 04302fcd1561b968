"""
Background input from PoissonInput (no synapses are created): one fixed
weight, one weight that depends on the neuron.
"""
from brian2 import *

seed(13)
tau = 10*ms
cells = NeuronGroup(15, '''dv/dt = -v/tau : volt
                          ge : volt''', threshold='v > 10*mV', reset='v = 0*mV',
                    method='exact', name='cells')
excitation = PoissonInput(cells, 'v', N=200, rate=8*Hz, weight=0.5*mV)
modulated = PoissonInput(cells, 'v', N=50, rate=20*Hz, weight='0.05*mV*(1 + i)')

spikes = SpikeMonitor(cells, name='spikes')
trace = StateMonitor(cells, 'v', record=[0, 14], name='trace')
rate = PopulationRateMonitor(cells, name='rate')
run(100*ms)
