"""
Poisson inputs, one population with a fixed rate and one whose rate grows
with the neuron's index, exciting a layer of integrate-and-fire neurons.
"""
from brian2 import *

seed(5)
tau = 10*ms
w_exc = 0.6*mV

steady = PoissonGroup(50, rates=40*Hz, name='steady')
graded = PoissonGroup(20, rates='(5 + 3*i)*Hz', name='graded')
layer = NeuronGroup(10, 'dv/dt = -v/tau : volt', threshold='v > 4*mV',
                    reset='v = 0*mV', method='exact', name='layer')

from_steady = Synapses(steady, layer, on_pre='v += w_exc', name='from_steady')
from_steady.connect(p=0.5)
from_graded = Synapses(graded, layer, on_pre='v += 0.4*mV', name='from_graded')
from_graded.connect()

input_spikes = SpikeMonitor(graded, name='input_spikes')
layer_spikes = SpikeMonitor(layer, name='layer_spikes')
layer_rate = PopulationRateMonitor(layer, name='layer_rate')
run(100*ms)
