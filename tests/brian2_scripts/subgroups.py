"""
Brian2's CUBA example as its documentation writes it, with subgroups:
excitatory and inhibitory cells as slices of one group, synapses from each,
a PoissonInput onto one slice and monitors of slices (one written inline).
"""
from brian2 import *

seed(11)
taum = 20*ms
taue = 5*ms
taui = 10*ms
Vt = -50*mV
Vr = -60*mV
El = -49*mV

eqs = '''
dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
dge/dt = -ge/taue : volt
dgi/dt = -gi/taui : volt
'''
P = NeuronGroup(1000, eqs, threshold='v>Vt', reset='v = Vr', refractory=5*ms,
                method='exact', name='P')
P.v = 'Vr + rand() * (Vt - Vr)'
Pe = P[:800]
Pi = P[800:]

we = (60*0.27/10)*mV
wi = (-20*4.5/10)*mV
Ce = Synapses(Pe, P, on_pre='ge += we', name='Ce')
Ci = Synapses(Pi, P, on_pre='gi += wi', name='Ci')
Ce.connect(p=0.05)
Ci.connect(condition='j != i + 800', p=0.05)
drive = PoissonInput(Pi, 'ge', N=50, rate=10*Hz, weight='0.2*mV*(1 + i/N)')

spikes = SpikeMonitor(Pi, name='spikes')
first = SpikeMonitor(P[100:150], name='first')
trace = StateMonitor(Pe, 'v', record=[0, 799], name='trace')
rate = PopulationRateMonitor(Pe, name='rate')
run(100*ms)
