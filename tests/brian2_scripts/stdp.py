"""
Spike-timing-dependent plasticity after Song, Miller and Abbott (2000):
Poisson inputs onto one integrate-and-fire neuron through synapses whose
weights follow pre- and postsynaptic traces (event-driven equations).
"""
from brian2 import *

seed(99)
N = 1000
taum = 10*ms
taupre = 20*ms
taupost = taupre
Ee = 0*mV
vt = -54*mV
vr = -60*mV
El = -74*mV
taue = 5*ms
gmax = 0.01
dApre = 0.01
dApost = -dApre * taupre / taupost * 1.05
dApost *= gmax
dApre *= gmax

eqs_neurons = '''
dv/dt = (ge * (Ee - v) + El - v) / taum : volt
dge/dt = -ge / taue : 1
'''
inputs = PoissonGroup(N, rates=15*Hz, name='inputs')
neuron = NeuronGroup(1, eqs_neurons, threshold='v > vt', reset='v = vr',
                     method='euler', name='neuron')
neuron.v = vr
plastic = Synapses(inputs, neuron,
                   '''w : 1
                      dApre/dt = -Apre / taupre : 1 (event-driven)
                      dApost/dt = -Apost / taupost : 1 (event-driven)''',
                   on_pre='''ge += w
                             Apre += dApre
                             w = clip(w + Apost, 0, gmax)''',
                   on_post='''Apost += dApost
                              w = clip(w + Apre, 0, gmax)''',
                   name='plastic')
plastic.connect()
plastic.w = 'rand() * gmax'

weights = StateMonitor(plastic, 'w', record=[0, 1, 50, 199], dt=1*ms, name='weights')
out = SpikeMonitor(neuron, name='out')
run(300*ms)
