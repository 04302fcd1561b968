"""
Brian2's GSL integrators: leaky integrate-and-fire neurons with
refractoriness and a sinusoidal drive, integrated with method='gsl' (GSL's
Runge-Kutta-Fehlberg (4, 5) with an adaptive step); Izhikevich neurons with
gsl_rk8pd, a tighter absolute error for v and more steps allowed; damped
oscillators with gsl_rk4, a tight error, a fresh step size each time step and
the steps it took recorded (GSL's _step_count exists once Brian2 has made the
solver's code: a run of no time before the monitors, as Brian2's example
compare_GSL_to_conventional.py does).
"""
from brian2 import *

prefs.codegen.target = 'cython'  # Brian2's numpy target cannot run GSL methods

tau = 10*ms
lif_eqs = '''
dv/dt = (I + A*sin(2*pi*freq*t) - v)/tau : 1 (unless refractory)
I : 1
A : 1
freq : Hz
'''
lif = NeuronGroup(4, lif_eqs, threshold='v > 1', reset='v = 0', refractory=3*ms,
                  method='gsl', name='lif')
lif.I = '1.05 + 0.1*i'
lif.A = 0.5
lif.freq = '(10 + 15*i)*Hz'

a = 0.02/ms
b = 0.2/ms
izh_eqs = '''
dv/dt = (0.04/ms/mV)*v**2 + (5/ms)*v + 140*mV/ms - u + I : volt
du/dt = a*(b*v - u) : volt/second
I : volt/second (constant)
c : volt (constant)
d : volt/second (constant)
'''
izh = NeuronGroup(3, izh_eqs, threshold='v >= 30*mV', reset='v = c; u += d',
                  method='gsl_rk8pd',
                  method_options={'absolute_error_per_variable': {'v': 1e-3*mV},
                                  'max_steps': 500},
                  name='izh')
izh.c = '(-65 + 10*i)*mV'
izh.d = '(8 - 3*i)*mV/ms'
izh.I = '(9 + 2*i)*mV/ms'
izh.v = -65*mV
izh.u = 'b*v'

osc = NeuronGroup(2, '''
dx/dt = y/tau_osc : 1
dy/dt = (-x - 0.3*y + sin(2*pi*40*Hz*t))/tau_osc : 1
tau_osc : second (constant)
''', method='gsl_rk4',
                  method_options={'absolute_error': 1e-11, 'use_last_timestep': False,
                                  'save_step_count': True},
                  name='osc')
osc.x = '1 - i'
osc.tau_osc = '(4 + 3*i)*ms'

run(0*ms)  # makes the solvers' code, and with it osc's _step_count

lif_spikes = SpikeMonitor(lif, name='lif_spikes')
lif_trace = StateMonitor(lif, 'v', record=[0, 3], name='lif_trace')
izh_spikes = SpikeMonitor(izh, name='izh_spikes')
izh_trace = StateMonitor(izh, ['v', 'u'], record=True, name='izh_trace')
osc_trace = StateMonitor(osc, ['x', 'y', '_step_count'], record=True, name='osc_trace')
run(100*ms)
