"""
exponential_euler on equations linear in their own variable only up to
factors that read it (Morris & Lecar 1981 in Brian2's examples: the calcium
current's tanh of V), and a variable whose unit is written as a quotient
of several units (mmolar/second, as the astrocyte examples write it).
"""
from brian2 import *

g_L = 2*mS
g_Ca = 4*mS
g_K = 8*mS
V_L = -50*mV
V_Ca = 100*mV
V_K = -70*mV
V_1 = 10*mV
V_2 = 15*mV
V_3 = -1*mV
V_4 = 14.5*mV
C = 20*uF
k_in = 0.2*mmolar/second

eqs = '''
dV/dt = (-g_L*(V - V_L) - g_Ca*0.5*(1 + tanh((V - V_1)/V_2))*(V - V_Ca) - g_K*n*(V - V_K) + I)/C : volt
dn/dt = lambda_n*(0.5*(1 + tanh((V - V_3)/V_4)) - n) : 1
lambda_n = cosh((V - V_3)/(2*V_4))/(15*ms) : Hz
dc/dt = influx - c/(50*ms) : mmolar
influx = k_in*(1 + tanh(V/V_2)) : mmolar/second
I : amp
'''
neuron = NeuronGroup(5, eqs, method='exponential_euler', name='neuron')
neuron.I = (np.arange(5)*60 + 100)*uA
neuron.V = V_L
neuron.n = '0.5*(1 + tanh((V - V_3)/V_4))'
trace = StateMonitor(neuron, ['V', 'n', 'c'], record=True, name='trace')
run(60*ms)
