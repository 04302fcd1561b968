"""
Conductance-based neurons with the synaptic current as a subexpression,
driven by Poisson inputs; no method is given, so Brian2 chooses one itself
(Euler: the equations are not linear).
"""
from brian2 import *

seed(11)
C = 200*pF
gL = 10*nS
EL = -60*mV
Ee = 0*mV
taue = 5*ms

eqs = '''
dv/dt = (gL*(EL - v) + Isyn + Iext)/C : volt
Isyn = ge*(Ee - v) : amp
dge/dt = -ge/taue : siemens
Iext : amp (constant)
'''
neurons = NeuronGroup(10, eqs, threshold='v > -50*mV', reset='v = EL',
                      name='neurons')
neurons.v = EL
neurons.Iext = '(100 + 15*i)*pA'

inputs = PoissonGroup(40, rates=20*Hz, name='inputs')
syn = Synapses(inputs, neurons, on_pre='ge += 1.5*nS', name='syn')
syn.connect(p=0.4)

spikes = SpikeMonitor(neurons, name='spikes')
state = StateMonitor(neurons, ['v', 'Isyn'], record=[0, 4], name='state')

run(60*ms)
