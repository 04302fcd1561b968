"""
Linked variables reading subexpressions: `linked_var` may name a
subexpression of the source group, which the linking group then evaluates
with the source's values. Conductance-driven neurons compute a synaptic
current `I_syn` from their conductance, reversal potential (a parameter) and
membrane potential, and a rectified drive from that current (a subexpression
reading another; zero for the driver whose reversal potential lies below
rest). Followers read the drive neuron by neuron, readouts read the current
through an index array (several readouts per driver), and a late pair reads
the drive through a subgroup of the drivers and uses it in its threshold.
Every reader integrates what it reads.
"""
from brian2 import *

seed(11)
tau = 10*ms
tau_g = 3*ms
C = 200*pfarad
E_L = -70*mV

drivers = NeuronGroup(4, '''dv/dt = (E_L - v)/tau + I_syn/C : volt
                            dg/dt = -g/tau_g : siemens
                            E : volt (constant)
                            I_syn = g*(E - v) : amp
                            drive = clip(I_syn/nA, 0, inf) : 1''',
                      threshold='v > -55*mV', reset='v = E_L', method='euler',
                      name='drivers')
drivers.v = 'E_L + rand()*10*mV'
drivers.g = 'rand()*4*nS'
drivers.E = [0, -75, -10, 0]*mV

inputs = PoissonGroup(4, rates=400*Hz, name='inputs')
excite = Synapses(inputs, drivers, on_pre='g += 8*nS', name='excite')
excite.connect(j='i')

followers = NeuronGroup(4, '''dx/dt = (drive_l - x)/(2*ms) : 1
                              drive_l : 1 (linked)''',
                        method='exact', name='followers')
followers.drive_l = linked_var(drivers.drive)

readouts = NeuronGroup(8, '''dy/dt = (I_in/nA - y)/(4*ms) : 1
                             I_in : amp (linked)''',
                       method='exact', name='readouts')
readouts.I_in = linked_var(drivers, 'I_syn', index=[0, 0, 1, 2, 2, 3, 3, 1])

late = NeuronGroup(2, '''dz/dt = (3*drive_sub - z)/(1*ms) : 1
                         drive_sub : 1 (linked)''',
                   threshold='z > 1 and drive_sub > 0.3', reset='z = 0',
                   method='exact', name='late')
upper = drivers[2:4]
late.drive_sub = linked_var(upper, 'drive')

source = StateMonitor(drivers, ['v', 'I_syn', 'drive'], record=True, name='source')
follow = StateMonitor(followers, ['x', 'drive_l'], record=True, name='follow')
read = StateMonitor(readouts, ['y', 'I_in'], record=True, name='read')
watch = StateMonitor(late, ['z', 'drive_sub'], record=True, name='watch')
driver_spikes = SpikeMonitor(drivers, name='driver_spikes')
late_spikes = SpikeMonitor(late, name='late_spikes')

run(40*ms)
