"""
Values set through subgroups, as Brian2's examples set them: each slice of a
group gets its own random start, a slice of a slice, a condition counted
from the subgroup's first neuron, an array and `N` (the subgroup's size).
"""
from brian2 import *

seed(5)
taum = 10*ms
Vt = -50*mV
Vr = -60*mV
El = -49*mV

G = NeuronGroup(200, '''dv/dt = (El - v + I)/taum : volt (unless refractory)
                        I : volt''',
                threshold='v > Vt', reset='v = Vr', refractory=2*ms, method='exact',
                name='G')
exc = G[:150]
inh = G[150:]
exc.v = 'Vr + rand()*(Vt - Vr)'
inh.v = 'Vr + (Vt - Vr)*i/N'
inh.v['i % 7 == 0'] = El
exc.I[10:20] = 3*mV
exc.I[100:] = 'rand()*2*mV'
inh.I = linspace(0, 4, 50)*mV

S = Synapses(exc, inh, 'w : volt', on_pre='v += w', name='S')
S.connect(p=0.1)
S.w = '0.5*mV'
spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, ['v', 'I'], record=[0, 15, 149, 150, 157, 199], name='trace')
run(50*ms)
