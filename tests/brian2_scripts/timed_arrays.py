"""
Inputs from TimedArrays: a current step sequence shared by all neurons
(a one-dimensional array with units) and a table with one column per neuron.
"""
from brian2 import *

stimulus = TimedArray([0, 0.8, 1.6, 0.4, 2.0]*nA, dt=15*ms)
gain = TimedArray([[1.0, 0.5, 0.0],
                   [0.5, 1.0, 1.5],
                   [1.5, 0.2, 1.0]], dt=25*ms)
R = 20*Mohm
tau = 10*ms

cells = NeuronGroup(3, 'dv/dt = (R*stimulus(t)*gain(t, i) - v)/tau : volt',
                    threshold='v > 15*mV', reset='v = 0*mV', method='exact',
                    name='cells')

spikes = SpikeMonitor(cells, name='spikes')
trace = StateMonitor(cells, 'v', record=True, name='trace')
run(75*ms)
