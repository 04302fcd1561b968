"""
Subexpressions of Synapses as Brian2's tests and documentation use them: a
clock-driven synaptic variable driven by a `(constant over dt)` subexpression
(computed once at the start of each step, so that rk2 sees one value over
the step), a pathway reading another such subexpression, a connect rule
reading a subexpression of pre- and postsynaptic values, and a plasticity
rule that keeps its own `lastupdate` (no event-driven equations, so the name
is the model's).
"""
from brian2 import *

seed(21)
tau = 10*ms
inputs = NeuronGroup(6, '''dv/dt = (drive - v)/tau : 1
                           drive : 1 (constant)
                           rank : 1 (constant)''',
                     threshold='v > 1', reset='v = 0', method='exact', name='inputs')
inputs.drive = '1.2 + 0.1*i'
inputs.rank = 'i'
inputs.v = 'rand()'

cells = NeuronGroup(6, '''dv/dt = -v/(20*ms) : 1
                          rank : 1 (constant)''', name='cells')
cells.rank = '5 - i'

syn = Synapses(inputs, cells, '''
    dx/dt = -x_frozen**2/(5*ms) : 1 (clock-driven)
    dy/dt = -y**2/(5*ms) : 1 (clock-driven)
    x_frozen = x : 1 (constant over dt)
    reverse = rank_pre + rank_post : 1
    gain = 0.2 + 0.05*x : 1 (constant over dt)
    w : 1
    A : 1
    lastupdate : second''',
               on_pre='''A = A*exp((lastupdate - t)/(8*ms)) + 0.1
                         v_post += gain*w + A
                         lastupdate = t''',
               method='rk2', name='syn')
syn.connect('reverse == 5')
syn.x = '0.5 + 0.1*i'
syn.y = '0.5 + 0.1*i'
syn.w = 'rand()'

spikes = SpikeMonitor(inputs, name='spikes')
traces = StateMonitor(syn, ['x', 'y', 'A'], record=[0, 3, 5], name='traces')
membrane = StateMonitor(cells, 'v', record=True, name='membrane')
run(30*ms)
