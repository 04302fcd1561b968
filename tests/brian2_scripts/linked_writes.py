"""
Code that writes a linked variable, which Brian2 writes into the variable it
is linked to: each spike of a detector neuron counts up its partner's
`hits` (neuron by neuron, and through a subgroup), and a PoissonGroup whose
rate is written with `dt`.
"""
from brian2 import *

seed(8)
counters = NeuronGroup(4, 'hits : 1', name='counters')
detectors = NeuronGroup(4, '''dv/dt = (1.5 + 0.2*i - v)/(5*ms) : 1
                              hits_linked : 1 (linked)''',
                        threshold='v > 1', reset='v = 0; hits_linked += 1',
                        method='exact', name='detectors')
detectors.hits_linked = linked_var(counters, 'hits')

upper = counters[2:4]
tail = NeuronGroup(2, '''dv/dt = (2 - v)/(3*ms) : 1
                         count : 1 (linked)''',
                   threshold='v > 1', reset='v = 0\ncount += 10', method='exact', name='tail')
tail.count = linked_var(upper, 'hits')

pulses = PoissonGroup(3, rates='(i + 1)*0.05/dt', name='pulses')

hits = StateMonitor(counters, 'hits', record=True, name='hits')
pulse_spikes = SpikeMonitor(pulses, name='pulse_spikes')
run(20*ms)
