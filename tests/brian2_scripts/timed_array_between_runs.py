"""
A stimulus replaced between runs: a TimedArray of input currents drives a
small group of leaky integrate-and-fire neurons, each weighting it a little
more. After the first run the script makes a longer stimulus under the same
name, which the next run() reads (its values index the simulation's time,
from t = 0), and before the third run a shorter one, whose last value holds
past its end.
"""
from brian2 import *

tau = 10*ms
R = 50*Mohm
stimulus = TimedArray([0, 0.2, 0.4, 0.6]*nA, dt=5*ms)

neurons = NeuronGroup(4, 'dv/dt = (R*stimulus(t)*(1 + 0.25*i) - v)/tau : volt',
                      threshold='v > 20*mV', reset='v = 0*mV', refractory=2*ms,
                      method='exact', name='neurons')

spikes = SpikeMonitor(neurons, name='spikes')
trace = StateMonitor(neurons, 'v', record=True, name='trace')

run(20*ms)
stimulus = TimedArray([0, 0, 0, 0, 0.8, 0.6, 0.5, 0.3, 0.1, 0]*nA, dt=5*ms)
run(30*ms)
stimulus = TimedArray([0.2, 0.5, 0.7]*nA, dt=5*ms)  # 0.7 nA from 10 ms on
run(20*ms)
