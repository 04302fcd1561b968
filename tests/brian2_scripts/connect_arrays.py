"""
Connections listed as index arrays computed in Python: a ring where each
neuron excites the next two.
"""
from brian2 import *
import numpy as np

N = 10
sources = np.repeat(np.arange(N), 2)
targets = (sources + np.tile([1, 2], N)) % N

ring = NeuronGroup(N, 'dv/dt = -v/(10*ms) : 1', threshold='v > 1', reset='v = 0',
                   method='exact', name='ring')
kick = SpikeGeneratorGroup(1, [0], [1]*ms, name='kick')
start = Synapses(kick, ring, on_pre='v += 2', name='start')
start.connect(i=0, j=0)
links = Synapses(ring, ring, on_pre='v += 0.6', delay=1.5*ms, name='links')
links.connect(i=sources, j=targets)

spikes = SpikeMonitor(ring, name='spikes')
run(40*ms)
