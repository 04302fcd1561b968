"""
Neurons that stay refractory while their membrane potential is above a level
(refractoriness given as a condition), with an adaptation current.
"""
from brian2 import *

tau = 10*ms
tau_w = 50*ms

eqs = '''
dv/dt = (I - v - w)/tau : 1 (unless refractory)
dw/dt = -w/tau_w : 1
I : 1
'''
cells = NeuronGroup(8, eqs, threshold='v > 1', reset='v = 1.2; w += 0.2',
                    refractory='v > 0.4', method='exact', name='cells')
cells.I = '1.5 + 0.1*i'

spikes = SpikeMonitor(cells, name='spikes')
trace = StateMonitor(cells, ['v', 'w'], record=[0, 7], name='trace')
run(100*ms)
