"""
An explicit Network, a group with its own namespace and constants passed to
run() as a namespace rather than taken from the script.
"""
from brian2 import *


def build(tau_value):
    group = NeuronGroup(6, 'dv/dt = (drive - v)/tau : 1', threshold='v > 1',
                        reset='v = 0', method='exact', namespace={'tau': tau_value},
                        name='group')
    group.v = 'i/6.0'
    spikes = SpikeMonitor(group, name='spikes')
    trace = StateMonitor(group, 'v', record=[0, 5], name='trace')
    return Network(group, spikes, trace)


net = build(9*ms)
net.run(70*ms, namespace={'drive': 1.25})
