"""
Connections drawn by the script itself with numpy's random functions; Brian2
then draws the initial potentials. Imported, the connections are the same,
but the potentials come from another part of the random stream: spike counts
agree in their statistics, not spike for spike.
"""
from brian2 import *
import numpy as np

seed(2)
N = 100
pre = np.random.randint(0, N, size=400)
post = np.random.randint(0, N, size=400)

G = NeuronGroup(N, 'dv/dt = (1.05 - v)/(10*ms) : 1', threshold='v > 1', reset='v = 0',
                method='exact', name='G')
G.v = 'rand()'
S = Synapses(G, G, on_pre='v += 0.02', name='S')
S.connect(i=pre, j=post)

spikes = SpikeMonitor(G, name='spikes')
run(150*ms)
