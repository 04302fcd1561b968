"""
Random counts from BinomialFunction: every call draws anew. Each millisecond
a neuron receives the vesicles released at its release sites (an exact
binomial with n*p below 30, which numpy draws by inversion) and input from
many background synapses (n*p and n*(1-p) above 5, so Brian2 approximates it
by a normal distribution); a spike resets the neuron to a depth drawn from
an exact binomial with n*p above 30 (numpy's BTPE sampler). The neurons start
from a depolarisation drawn in the same way. The run_regularly operation
draws statement by statement: every neuron's release, then every neuron's
background count.
"""
from brian2 import *

seed(2024)
tau = 10*ms
q = 0.4*mV  # depolarisation by one vesicle
n_sites = 20
p_release = 0.25

release = BinomialFunction(n_sites, p_release, approximate=False)
background = BinomialFunction(500, 0.05)
depth = BinomialFunction(1000, 0.4, approximate=False)

neurons = NeuronGroup(8, '''dv/dt = -v/tau : volt
                            released : 1
                            active_inputs : 1''',
                      threshold='v > 10*mV', reset='v = (400 - depth())*0.1*mV',
                      method='exact', name='neurons')
neurons.v = 'release()*q'
neurons.run_regularly('''released = release()
                         active_inputs = background()
                         v += (released + 0.1*active_inputs)*q''', dt=1*ms, name='vesicles')

spikes = SpikeMonitor(neurons, name='spikes')
state = StateMonitor(neurons, ['v', 'released', 'active_inputs'], record=True, name='state')
run(100*ms)
