"""
The default time step changed between runs: a network of noisy leaky
integrate-and-fire neurons (Euler-Maruyama), driven by Poisson inputs and
inhibiting each other through synapses without delays, runs 20 ms at 0.1 ms,
10 ms at 0.05 ms and 10 ms at 0.2 ms. Its monitors follow its clock; a group
made with a time step of its own keeps 0.1 ms throughout.
"""
from brian2 import *

seed(4321)
defaultclock.dt = 0.1*ms
tau = 10*ms
sigma = 0.3

neurons = NeuronGroup(40, 'dv/dt = (1.1 - v)/tau + sigma*xi*tau**-0.5 : 1',
                      threshold='v > 1', reset='v = 0', refractory=2*ms, method='euler',
                      name='neurons')
neurons.v = 'rand()'
inputs = PoissonGroup(20, rates=30*Hz, name='inputs')
feedforward = Synapses(inputs, neurons, 'w : 1', on_pre='v += w', name='feedforward')
feedforward.connect(p=0.2)
feedforward.w = '0.1 + 0.1*rand()'
inhibition = Synapses(neurons, neurons, on_pre='v -= 0.05', name='inhibition')
inhibition.connect(condition='i != j', p=0.1)

steady = NeuronGroup(5, 'dv/dt = (1.2 + 0.05*i - v)/tau : 1', threshold='v > 1',
                     reset='v = 0', method='exact', dt=0.1*ms, name='steady')

spikes = SpikeMonitor(neurons, name='spikes')
trace = StateMonitor(neurons, 'v', record=[0, 1, 2], name='trace')
rate = PopulationRateMonitor(neurons, name='rate')
steady_spikes = SpikeMonitor(steady, name='steady_spikes')
steady_trace = StateMonitor(steady, 'v', record=[0, 4], name='steady_trace')

run(20*ms)
defaultclock.dt = 0.05*ms
run(10*ms)
defaultclock.dt = 0.2*ms
run(10*ms)
