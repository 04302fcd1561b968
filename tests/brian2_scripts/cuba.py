"""
The CUBA network of Vogels and Abbott (2005), smaller and shorter:
current-based synapses, excitatory and inhibitory neurons chosen by index.
"""
from brian2 import *

seed(42)
taum = 20*ms
taue = 5*ms
taui = 10*ms
Vt = -50*mV
Vr = -60*mV
El = -49*mV
we = (60*0.27/10)*mV
wi = (-20*4.5/10)*mV

eqs = '''
dv/dt  = (ge + gi - (v - El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''
P = NeuronGroup(800, eqs, threshold='v > Vt', reset='v = Vr', refractory=5*ms,
                method='exact', name='P')
P.v = 'Vr + rand() * (Vt - Vr)'
P.ge = 0*mV
P.gi = 0*mV

Ce = Synapses(P, P, on_pre='ge += we', name='Ce')
Ce.connect('i < 640', p=0.05)
Ci = Synapses(P, P, on_pre='gi += wi', name='Ci')
Ci.connect('i >= 640', p=0.05)

s_mon = SpikeMonitor(P, name='s_mon')
v_mon = StateMonitor(P, 'v', record=[0, 100, 700], name='v_mon')
run(100*ms)
