"""
Scheduling as Brian2's user guide writes it: run_regularly drawing random
numbers on a clock of its own, one on a clock that is no multiple of the
group's, a group with order=1, monitors in the 'end' slot and with an order,
and a group switched off with active=False.
"""
from brian2 import *

seed(5)
defaultclock.dt = 0.1*ms
tau = 5*ms

eqs = '''
dv/dt = (I - v)/tau : volt
I : volt
'''
A = NeuronGroup(4, eqs, threshold='v > 10*mV', reset='v = 0*mV', order=1, name='A')
A.run_regularly('I = rand()*30*mV', dt=1*ms)
A.run_regularly('v += 0.5*mV*randn()', dt=0.25*ms, when='end', name='A_jitter')
B = NeuronGroup(4, eqs, threshold='v > 10*mV', reset='v = 0*mV', name='B')
B.run_regularly('I = rand()*30*mV', dt=1*ms, order=-1)
C = NeuronGroup(2, 'dv/dt = (20*mV - v)/tau : volt', threshold='v > 10*mV',
                reset='v = 0*mV', name='C')
C.v = 2*mV
C.active = False

spikes = SpikeMonitor(A, name='spikes')
late = SpikeMonitor(B, when='end', order=2, name='late')
trace = StateMonitor(A, ['v', 'I'], record=True, name='trace')
after = StateMonitor(A, 'v', record=[0, 3], when='end', name='after')
still = StateMonitor(C, 'v', record=True, name='still')
run(20*ms)
