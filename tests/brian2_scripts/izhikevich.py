"""
Izhikevich neurons (regular spiking and chattering parameters by index) with
quadratic membrane dynamics, integrated with the Euler method.
"""
from brian2 import *

a = 0.02/ms
b = 0.2/ms
eqs = '''
dv/dt = (0.04/ms/mV)*v**2 + (5/ms)*v + 140*mV/ms - u + I : volt
du/dt = a*(b*v - u) : volt/second
I : volt/second (constant)
c : volt (constant)
d : volt/second (constant)
'''
cells = NeuronGroup(4, eqs, threshold='v >= 30*mV', reset='v = c; u += d',
                    method='euler', name='cells')
cells.c = '(-65 + 15*(i % 2))*mV'
cells.d = '(8 - 6*(i % 2))*mV/ms'
cells.I = '(8 + i)*mV/ms'
cells.v = -65*mV
cells.u = 'b*v'

trace = StateMonitor(cells, ['v', 'u'], record=[0, 3], name='trace')
spikes = SpikeMonitor(cells, name='spikes')
run(100*ms)
