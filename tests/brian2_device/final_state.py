"""The groups' and synapses' state after a run with the spikestudio device
(run by tst_brian2_device): one network, with refractoriness, an integer
counter, Poisson inputs and plastic synapses with delays, runs on Brian2's
numpy target and then with the device, with the same seed; what a script
reads afterwards (G.v[:], G.v[3], S.w, S.i, S.j, len(S), S.N, ...) must
agree, with units. A network without seed(), whose synapses Spike Studio
draws differently from the connect() Brian2 ran in Python, must read back
Spike Studio's synapses. Prints one line per fact, 'ok' when all hold."""
import numpy as np
import builtins

from brian2 import *
import brian2spikestudio.device
from brian2.devices.device import get_device

RELATIVE = 1e-6  # of each variable's range, as the device's traces are compared


def network():
    seed(11)
    inputs = PoissonGroup(20, rates=80*Hz, name='inputs')
    G = NeuronGroup(5, '''dv/dt = (ge - v)/(10*ms) : volt (unless refractory)
                          dge/dt = -ge/(5*ms) : volt
                          fired : integer''',
                    threshold='v > 4*mV', reset='v = 0*mV\nfired += 1', refractory=3*ms,
                    method='exact', name='G')
    S = Synapses(inputs, G, '''w : volt
                               dApre/dt = -Apre/(10*ms) : 1 (event-driven)''',
                 on_pre='''ge += w
                           Apre += 1
                           w = clip(w + 0.05*mV*Apre, 0*mV, 3*mV)''', name='S')
    S.connect(p=0.4)
    S.delay = '(1 + j)*0.5*ms'
    S.w = 'rand()*2*mV'
    return inputs, G, S


def read(G, S):
    """What a script reads, copied (Brian2 may hand out views of its arrays)."""
    values = {'v': G.v[:], 'v3': G.v[3], 'ge': G.ge[:], 'fired': G.fired[:],
              'lastspike': G.lastspike[:], 'not_refractory': G.not_refractory[:],
              'high': G.v['v > 2*mV'], 'w': S.w[:], 'Apre': S.Apre[:],
              'lastupdate': S.lastupdate[:], 'i': S.i[:], 'j': S.j[:], 'n': len(S), 'N': S.N,
              'delay': S.delay[:], 'w_of_first': S.w[0, :]}
    return {name: value.copy() if hasattr(value, 'copy') else value
            for name, value in values.items()}


def run_on(device_name, **options):
    set_device(device_name, **options)
    get_device().reinit()
    start_scope()
    inputs, G, S = network()  # all three in this frame, where run() collects them
    run(60*ms)
    first = read(G, S)
    run(40*ms)
    return first, read(G, S)


def close(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape:
        return False
    scale = max(float(np.ptp(b)) if b.size else 0.0, float(np.max(np.abs(b), initial=1e-300)))
    return bool(np.all(np.abs(a - b) <= RELATIVE * scale))


def same_quantity(a, b):
    return get_dimensions(a) == get_dimensions(b) and close(a, b)


def compare(name, device, runtime):
    return {
        name + ' v with units': same_quantity(device['v'], runtime['v']),
        name + ' v[3]': same_quantity(device['v3'], runtime['v3']),
        name + ' ge': same_quantity(device['ge'], runtime['ge']),
        name + ' fired (integer)': (device['fired'].dtype == runtime['fired'].dtype
                                    and list(device['fired']) == list(runtime['fired'])),
        name + ' lastspike': same_quantity(device['lastspike'], runtime['lastspike']),
        name + ' not_refractory (bool)': (device['not_refractory'].dtype == bool
                                          and list(device['not_refractory'])
                                          == list(runtime['not_refractory'])),
        name + " v['v > 2*mV']": same_quantity(device['high'], runtime['high']),
        name + ' w with units': same_quantity(device['w'], runtime['w']),
        name + ' w[0, :]': same_quantity(device['w_of_first'], runtime['w_of_first']),
        name + ' Apre': same_quantity(device['Apre'], runtime['Apre']),
        name + ' lastupdate': same_quantity(device['lastupdate'], runtime['lastupdate']),
        name + ' i, j': (list(device['i']) == list(runtime['i'])
                         and list(device['j']) == list(runtime['j'])),
        name + ' len(S), S.N': bool(device['n'] == runtime['n'] == device['N'] == runtime['N']),
        name + ' delay': same_quantity(device['delay'], runtime['delay']),
    }


def unseeded_synapses():
    """Spike Studio's synapses, not those Brian2 drew in Python: every source
    neuron spikes once, so each target's v counts its incoming synapses."""
    set_device('spikestudio', tier='tcc')
    get_device().reinit()
    start_scope()
    source = SpikeGeneratorGroup(30, np.arange(30), np.full(30, 1.0)*ms, name='source')
    target = NeuronGroup(30, 'v : 1', name='target')
    S = Synapses(source, target, on_pre='v += 1', name='S2')
    S.connect(p=0.5)
    drawn_in_python = (S.i[:].copy(), S.j[:].copy())
    run(5*ms)
    counts = np.bincount(S.j[:], minlength=30)
    return {
        'unseeded: synapses replaced': not (np.array_equal(S.i[:], drawn_in_python[0])
                                            and np.array_equal(S.j[:], drawn_in_python[1])),
        'unseeded: v counts S.j': list(target.v[:]) == list(counts.astype(float)),
        'unseeded: N_incoming': list(S.N_incoming[:]) == list(counts[S.j[:]]),
        'unseeded: len(S) == S.N': len(S) == S.N == len(S.i) == len(S.j),
    }


if __name__ == '__main__':
    prefs.codegen.target = 'numpy'
    runtime = run_on('runtime')
    device = run_on('spikestudio', tier='tcc')
    checks = {'the run changed the state': (runtime[1]['fired'].sum() > 0
                                            and not close(runtime[1]['w'], runtime[0]['w']))}
    checks.update(compare('after 60 ms:', device[0], runtime[0]))
    checks.update(compare('after 100 ms:', device[1], runtime[1]))
    checks.update(unseeded_synapses())
    for fact, holds in checks.items():
        print('%s: %s' % (fact, 'ok' if holds else 'FAILED'))
    print('ok' if builtins.all(checks.values()) else 'FAILED')  # not numpy's all
