"""
Code that defines local values and carries comments, as Brian2's
facilitation/depression examples write it: on_pre sets `U_0` for the lines
after it, a reset keeps a value from before it changes `v`, and `#` comments
end lines of code and of equations.
"""
from brian2 import *

seed(11)
tau = 10*ms
tau_f = 50*ms
U_0_star = 0.4
neurons = NeuronGroup(20, '''dv/dt = (I - v)/tau : volt  # leaky
                             I : volt
                             kept : volt  # what the reset remembers''',
                      threshold='v > 10*mV',
                      reset='''before = v  # first, keep it
                               v = 0*mV
                               kept += 0.5*before''',
                      method='exact', name='neurons')
neurons.I = '(8 + 6*rand())*mV'
synapses = Synapses(neurons, neurons, '''w : volt
                                         du/dt = -u/tau_f : 1 (clock-driven)''',
                    on_pre='''U_0 = U_0_star + 0.1*u  # the release this spike
                              u += U_0*(1 - u)
                              v_post += U_0*w''',
                    method='exact', name='synapses')
synapses.connect(p=0.3)
synapses.w = '2*mV*rand()'
spikes = SpikeMonitor(neurons, name='spikes')
trace = StateMonitor(neurons, ['v', 'kept'], record=[0, 7], name='trace')
facilitation = StateMonitor(synapses, 'u', record=[0, 1], name='facilitation')

run(100*ms)
