"""
The order in which Brian2's numpy target draws random numbers within one
time step: each statement draws its numbers for every element before the
next statement draws (two noise terms `xi_1` and `xi_2` in two equations, a
run_regularly operation of two drawing statements, a reset of two, run for
two neurons at once as they start above threshold), and both sides of `and`
and `or` are evaluated for every element, so a `rand()` on the right draws a
number for each neuron even where the left side already decides (a coin
flipped only for the upper neurons, a threshold with a rare spontaneous
spike). Synaptic code draws one number per active synapse, recorded as it
was drawn.
"""
from brian2 import *

seed(4321)
tau = 10*ms
tau_w = 5*ms
sigma = 0.2
sigma_w = 0.1

# Brian2 draws the noise terms in the order it iterates over a Python set of
# their names, which follows Python's string hashing: make_reference.py fixes
# the hash seed, with which xi_1's numbers come before xi_2's, the order of
# their names (Spike Studio's order).
neurons = NeuronGroup(6, '''dv/dt = (I + kick + w - v)/tau + sigma*xi_1*tau**-0.5 : 1
                            dw/dt = -w/tau_w + sigma_w*xi_2*tau_w**-0.5 : 1
                            I : 1
                            kick : 1
                            x : integer''',
                      threshold='v > 1 or rand() < 0.005',
                      reset='v = 0.2*rand(); w += 0.1*randn()',
                      method='euler', name='neurons')
neurons.v = 'rand() + 1.1*int(i >= 4)'
neurons.run_regularly('''I = 0.8 + 0.6*rand()
                         kick = 0.1*randn()''', dt=1*ms, name='drive')
neurons.run_regularly('x = int(i > 2 and rand() < 0.5)', name='coin')

contacts = Synapses(neurons, neurons, 'u : 1',
                    on_pre='''u = rand()
                              v_post += 0.05*u*(1 + x_pre)''', name='contacts')
contacts.connect(condition='i != j')

state = StateMonitor(neurons, ['v', 'w', 'I', 'kick', 'x'], record=True, name='state')
draws = StateMonitor(contacts, 'u', record=True, name='draws')
spikes = SpikeMonitor(neurons, name='spikes')

run(20*ms)
