"""
Linked variables as Brian2's documentation writes them: a group of readout
neurons follows the membrane of driven neurons with `linked_var`, one group
neuron by neuron, one through an index (several readouts per source neuron),
one through a subgroup, and a synapse reads a presynaptic linked variable.
"""
from brian2 import *

seed(5)
tau = 10*ms
drivers = NeuronGroup(5, '''dv/dt = (I - v)/tau : volt
                            I : volt''',
                      threshold='v > 15*mV', reset='v = 0*mV', method='exact',
                      name='drivers')
drivers.I = '(10 + 3*i)*mV'
drivers.v = 'rand()*10*mV'

followers = NeuronGroup(5, '''dx/dt = (v_driver - x)/(2*ms) : volt
                              v_driver : volt (linked)''', name='followers')
followers.v_driver = linked_var(drivers.v)

readouts = NeuronGroup(8, '''dy/dt = (v_in - y)/(4*ms) : volt
                             v_in : volt (linked)''', name='readouts')
readouts.v_in = linked_var(drivers, 'v', index=repeat([0, 2, 3, 4], 2))

late = NeuronGroup(2, '''dz/dt = (v_late - z)/(1*ms) : volt
                         v_late : volt (linked)''',
                   threshold='z > 12*mV', reset='z = 0*mV', name='late')
upper = drivers[3:5]
late.v_late = linked_var(upper, 'v')

kick = Synapses(late, followers, on_pre='x_post += 0.2*v_driver_post', name='kick')
kick.connect(i=[0, 1], j=[1, 4])

spikes = SpikeMonitor(late, name='spikes')
follow = StateMonitor(followers, ['x', 'v_driver'], record=True, name='follow')
read = StateMonitor(readouts, ['y', 'v_in'], record=[0, 1, 7], name='read')
run(40*ms)
