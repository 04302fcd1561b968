"""
Synapses read by synapses, as Brian2's astrocyte examples (Stimberg et al.
2018) model gliotransmission: each synapse's released neurotransmitter Y_S
is summed into the astrocyte its index names (a Synapses object whose source
is a Synapses object: `Y_S_post = Y_S_pre`, connected by a condition on a
variable of the source synapses and by a generator over N_pre), and each
astrocyte's gliotransmitter is summed back into the synapses it covers.
"""
from brian2 import *

seed(5)
N_synapses = 6
N_astro = 2
tau_Y = 4*ms
tau_G = 20*ms

neurons = NeuronGroup(N_synapses, 'dv/dt = (1.1 + 0.05*i - v)/(8*ms) : 1',
                      threshold='v > 1', reset='v = 0', method='exact', name='neurons')
neurons.v = 'rand()'
targets = NeuronGroup(N_synapses, '', name='targets')
astrocytes = NeuronGroup(N_astro, '''dG/dt = (Y_sum - G)/tau_G : 1
                                     Y_sum : 1
                                     w_in : 1 (constant)''',
                         method='euler', name='astrocytes')
astrocytes.w_in = '0.5 + 0.5*rand()'

synapses = Synapses(neurons, targets, '''dY_S/dt = -Y_S/tau_Y : 1 (clock-driven)
                                         G_A : 1
                                         astro_index : integer (constant)''',
                    on_pre='Y_S += 1 + G_A', method='exact', name='synapses')
synapses.connect(j='i')
synapses.connect('i == j', p=0.5)
synapses.astro_index = 'i % N_astro'

syn_to_astro = Synapses(synapses, astrocytes, 'Y_sum_post = w_in_post*Y_S_pre : 1 (summed)',
                        name='syn_to_astro')
syn_to_astro.connect('astro_index_pre == j')
astro_to_syn = Synapses(astrocytes, synapses, 'G_A_post = 0.2*G_pre : 1 (summed)',
                        name='astro_to_syn')
astro_to_syn.connect('i == astro_index_post')
first_half = Synapses(synapses, astrocytes, 'c : 1', name='first_half')
first_half.connect(j='i % N_astro if i < N_pre // 2')
first_half.c = 'rand()'

spikes = SpikeMonitor(neurons, name='spikes')
transmitter = StateMonitor(synapses, ['Y_S', 'G_A'], record=True, name='transmitter')
glia = StateMonitor(astrocytes, ['G', 'Y_sum'], record=True, name='glia')
links = StateMonitor(first_half, 'c', record=True, dt=10*ms, name='links')
run(60*ms)
