"""
Two coupled linear variables without a method: Brian2 picks exact
integration for linear equations. The input is shared by all neurons.
"""
from brian2 import *

tau_m = 15*ms
tau_a = 80*ms
a = 0.1

eqs = '''
dv/dt = (drive - v - w)/tau_m : 1
dw/dt = (a*v - w)/tau_a : 1
drive : 1 (shared, constant)
'''
group = NeuronGroup(5, eqs, threshold='v > 0.8', reset='v = 0; w += 0.05',
                    name='group')
group.drive = 1.3
group.v = 'i*0.15'

mon = StateMonitor(group, ['v', 'w'], record=[0, 4], name='mon')
spk = SpikeMonitor(group, name='spk')
run(120*ms)
