"""
Custom events as Brian2's user guide writes them: besides its spikes, each
neuron emits an 'up' event while its membrane potential is close to the
threshold (counted in a variable by run_on_event) and a 'rest' event when it
has settled; EventMonitors record both, one of them with variables.
"""
from brian2 import *

seed(5)

tau = 10*ms
tau_n = 25*ms
El = -70*mV
Vt = -50*mV
Vr = -65*mV

eqs = '''
dv/dt = (El - v + I)/tau : volt (unless refractory)
dn/dt = -n/tau_n : 1
I : volt (constant)
'''
G = NeuronGroup(8, eqs, threshold='v > Vt', reset='v = Vr', refractory=2*ms,
                events={'up': 'v > Vt - 4*mV', 'rest': 'n < 0.5 and v < Vr + 2*mV'},
                method='euler', name='G')
G.run_on_event('up', '''
n += 1
v -= 0.05*mV
''')
G.v = 'El + rand()*15*mV'
G.I = '18*mV + i*2*mV'

ups = EventMonitor(G, 'up', variables=['v', 'n'], name='ups')
rests = EventMonitor(G, 'rest', name='rests')
spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, ['v', 'n'], record=[0, 7], name='trace')
run(80*ms)
print(ups.num_events, rests.num_events, spikes.num_spikes)
