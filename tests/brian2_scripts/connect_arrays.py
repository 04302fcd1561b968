"""
Connections listed as index arrays computed in Python: a ring where each
neuron excites the next two, kicked one by one, and shortcuts across it,
each listed pair kept with probability 0.5 (`p` with index arrays draws one
number per pair), which show as extra spikes 2 ms after a kick.
"""
from brian2 import *
import numpy as np

N = 10
sources = np.repeat(np.arange(N), 2)
targets = (sources + np.tile([1, 2], N)) % N

ring = NeuronGroup(N, 'dv/dt = -v/(10*ms) : 1', threshold='v > 1', reset='v = 0',
                   method='exact', name='ring')
kick = SpikeGeneratorGroup(N, np.arange(N), (1 + 3*np.arange(N))*ms, name='kick')
start = Synapses(kick, ring, on_pre='v += 2', name='start')
start.connect(i=np.arange(N), j=np.arange(N))
links = Synapses(ring, ring, on_pre='v += 0.6', delay=1.5*ms, name='links')
links.connect(i=sources, j=targets)
seed(4)
shortcuts = Synapses(ring, ring, on_pre='v += 1.5', delay=2*ms, name='shortcuts')
shortcuts.connect(i=np.arange(N), j=(np.arange(N) + N // 2) % N, p=0.5)

spikes = SpikeMonitor(ring, name='spikes')
run(40*ms)
