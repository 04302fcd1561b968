"""
A script written for Brian2's C++ standalone mode: set_device() and
device.build() are part of it. The importer keeps its own capturing device
instead (nothing is compiled).
"""
from brian2 import *

set_device('cpp_standalone', build_on_run=False)
seed(17)
tau = 10*ms
group = NeuronGroup(12, 'dv/dt = (1.2 - v)/tau : 1', threshold='v > 1',
                    reset='v = 0', refractory=2*ms, method='exact', name='group')
group.v = 'rand()'
spikes = SpikeMonitor(group, name='spikes')
run(50*ms)
device.build(directory=None, compile=True, run=True)
