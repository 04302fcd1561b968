"""
Values set before the run the ways Brian2's examples set them: an array of
rest potentials computed in Python, a list of quantities, a block of neurons by slice and a few by
index, a random condition on the group, weights from a matrix indexed by the
synapses' own i and j, then changed for some synapses by condition (with
rand()), by presynaptic neuron and by pre/post pair.
"""
from brian2 import *
import numpy as np

seed(2024)
N = 12
tau = 10*ms
w0 = 2*mV

eqs = '''
dv/dt = (El - v)/tau : volt (unless refractory)
El : volt
'''
G = NeuronGroup(N, eqs, threshold='v > -55*mV', reset='v = -65*mV', refractory=2*ms,
                method='exact', name='G')
G.El = np.linspace(-58, -50, N)*mV
G.v = '-65*mV + rand()*10*mV'
G.v[8:12] = -70*mV
G.v[[1, 5]] = '-60*mV + rand()*mV'
G.El['i % 3 == 0 and rand() < 0.8'] = 'El - 2*mV'

H = NeuronGroup(6, 'dv/dt = -(v + 60*mV)/tau : volt', threshold='v > -58*mV',
                reset='v = -60*mV', method='exact', name='H')
H.v = [-60*mV, -59*mV, -60*mV, -61*mV, -60*mV, -62*mV]  # a list of quantities

W = np.arange(N*6).reshape(N, 6) % 7 * 0.3*mV
S = Synapses(G, H, 'w : volt', on_pre='v_post += w', name='S')
S.connect(p=0.6)
S.w = W[S.i[:], S.j[:]]
S.w['i > j'] = 'rand()*w0'
S.w[0, :] = 3*mV
S.w[2, 0:3] = 'w0/2 + rand()*mV'

spikes = SpikeMonitor(G, name='spikes')
target_spikes = SpikeMonitor(H, name='target_spikes')
trace = StateMonitor(G, ['v', 'El'], record=True, dt=1*ms, name='trace')
weights = StateMonitor(S, 'w', record=True, dt=10*ms, name='weights')
target_trace = StateMonitor(H, 'v', record=[0, 5], name='target_trace')
run(20*ms)
