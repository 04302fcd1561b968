"""
Noisy leaky integrate-and-fire neurons (a white-noise term xi) integrated with
the Euler-Maruyama method, starting from random membrane potentials.
"""
from brian2 import *

seed(2024)
tau = 20*ms
sigma = 3*mV
mu = 18*mV

neurons = NeuronGroup(30, 'dv/dt = (mu - v)/tau + sigma*xi*tau**-0.5 : volt',
                      threshold='v > 20*mV', reset='v = 0*mV', method='euler',
                      name='neurons')
neurons.v = 'rand()*10*mV + randn()*mV'

spikes = SpikeMonitor(neurons, name='spikes')
trace = StateMonitor(neurons, 'v', record=[0, 1, 2], name='trace')
rate = PopulationRateMonitor(neurons, name='rate')

run(80*ms)
