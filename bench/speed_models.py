#!/usr/bin/python3
"""Brian2's speed tests as Spike Studio model files, one family per test.

usage: speed_models.py list
       speed_models.py write TEST N MODEL.json
       speed_models.py smallest DIR

Brian2 ships its own speed tests in brian2/tests/features/speed.py (Debian's
python3-brian). Each test is a network built for a size N; this script writes
the same network as a Spike Studio model file (docs/model-format.md) for any
N: the same equations, constants, initial values, connectivity, duration and
monitors. `list` prints one line per test (its name, Brian2's sizes and how
the model file differs from Brian2's script); `write` writes one model;
`smallest` writes each test at its smallest Brian2 size into DIR as
TEST_N.json. Standard library only: Brian2 is not needed.

Bad arguments get one line on stderr and exit status 1; a model file is
written completely or not at all.
"""
import json
import os
import sys
import tempfile

DT_SECONDS = 0.0001  # Brian2's defaultclock.dt, which every speed test uses
LARGEST_N = 1_000_000_000  # a group's largest N in the model format


class SpeedTest:
    """One test of speed.py: its Brian2 class name, label, sizes, simulated
    seconds, the model it builds for a size, a memory estimate, and how the
    model file differs from Brian2's script."""

    def __init__(self, name, label, n_range, duration_s, build, differences,
                 synapses=lambda n: 0, spikes=lambda n: 0, synapse_bytes=0, state_variables=1,
                 brian2_class=None, brian2_method=None, not_measured=None):
        self.name, self.label, self.n_range = name, label, n_range
        self.duration_s, self.build, self.differences = duration_s, build, differences
        # the class in speed.py, and the NeuronGroup method it is run with
        # where the test gives none (None: Brian2's choice)
        self.brian2_class, self.brian2_method = brian2_class or name, brian2_method
        self.not_measured = not_measured  # why bench/speed_table.py skips it
        self.expected_synapses, self.expected_spikes = synapses, spikes
        self.synapse_bytes, self.state_variables = synapse_bytes, state_variables

    def model(self, n):
        model = {'format': 'spikestudio-model', 'version': 1,
                 'name': '%s, N=%d (Brian2 speed test)' % (self.name, n),
                 'description': "Brian2's speed test %s (%s) from "
                                'brian2/tests/features/speed.py, written by '
                                'bench/speed_models.py.' % (self.name, self.label),
                 'dt': '0.1*ms', 'duration': '%g*second' % self.duration_s, 'seed': 1}
        model.update(self.build(n))
        return model

    def memory_estimate_bytes(self, n):
        """An upper estimate of either tool's peak memory for size n: state
        variables, synapses (with Brian2's growth of its vectors while it
        connects) and recorded spikes (time and index, twice for growth)."""
        base = 300 * 2**20  # a process, its libraries, the kernels
        return int(base + n * self.state_variables * 8 * 4
                   + self.expected_synapses(n) * self.synapse_bytes
                   + self.expected_spikes(n) * 24)


def linear_neurons(n):
    # Brian2: G.v = linspace(0.1, 1, n)
    return {'constants': {'tau': '1*second'},
            'groups': [{'name': 'G', 'type': 'NeuronGroup', 'N': n,
                        'equations': 'dv/dt = -v/tau : 1',
                        'initial': {'v': '0.1 + i*((1 - 0.1)/(N - 1))' if n > 1 else '0.1'}}]}


HH_EQUATIONS = '\n'.join([
    'dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt',
    'dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/(exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)'
    '-0.28*(mV**-1)*(v-VT-40.*mV)/(exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1',
    'dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/(exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)'
    '-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1',
    'dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1',
    'I : amp'])


def hh_neurons(n, method=None):
    group = {'name': 'group', 'type': 'NeuronGroup', 'N': n}
    if method:
        group['method'] = method
    group.update({'equations': HH_EQUATIONS,
                  'threshold': 'v > -40*mV', 'refractory': 'v > -40*mV',
                  'initial': {'v': 'El', 'I': '0.7*nA * i / num_neurons'}})
    return {'constants': {'num_neurons': str(n), 'area': '20000*umetre**2',
                          'Cm': '1*ufarad*cm**-2 * area', 'gl': '5e-5*siemens*cm**-2 * area',
                          'El': '-65*mV', 'EK': '-90*mV', 'ENa': '50*mV',
                          'g_na': '100*msiemens*cm**-2 * area',
                          'g_kd': '30*msiemens*cm**-2 * area', 'VT': '-63*mV'},
            'groups': [group]}


def connection_probability(n):
    # Brian2 keeps a pair when rand() < p, so a p above 1 (N=10) keeps every
    # pair; the model format takes probabilities up to 1.
    return min(1.0, 80.0 / n)


def cuba_fixed_connectivity(n):
    ne = int(.8 * n)
    p = connection_probability(n)
    return {'constants': {'Ne': str(ne), 'taum': '20*ms', 'taue': '5*ms', 'taui': '10*ms',
                          'Vt': '-50*mV', 'Vr': '-60*mV', 'El': '-49*mV',
                          'we': '(60 * 0.27 / 10) * mV', 'wi': '(-20 * 4.5 / 10) * mV'},
            'groups': [{'name': 'P', 'type': 'NeuronGroup', 'N': n,
                        'equations': '\n'.join([
                            'dv/dt = (ge+gi-(v-El))/taum : volt (unless refractory)',
                            'dge/dt = -ge/taue : volt (unless refractory)',
                            'dgi/dt = -gi/taui : volt (unless refractory)']),
                        'threshold': 'v>Vt', 'reset': 'v = Vr', 'refractory': '5*ms',
                        'initial': {'v': 'Vr + rand() * (Vt - Vr)', 'ge': '0*mV', 'gi': '0*mV'}}],
            'synapses': [
                {'name': 'Ce', 'source': 'P', 'target': 'P', 'on_pre': 'ge += we',
                 'connect': {'condition': 'i<Ne', 'p': p}},
                {'name': 'Ci', 'source': 'P', 'target': 'P', 'on_pre': 'gi += wi',
                 'connect': {'condition': 'i>=Ne', 'p': p}}],
            'monitors': [{'name': 's_mon', 'type': 'SpikeMonitor', 'source': 'P'}]}


COBAHH_EQUATIONS = '\n'.join([
    'dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-g_na*(m*m*m)*h*(v-ENa)-g_kd*(n*n*n*n)*(v-EK))/Cm : volt',
    'dm/dt = alpha_m*(1-m)-beta_m*m : 1',
    'dn/dt = alpha_n*(1-n)-beta_n*n : 1',
    'dh/dt = alpha_h*(1-h)-beta_h*h : 1',
    'dge/dt = -ge*(1./taue) : siemens',
    'dgi/dt = -gi*(1./taui) : siemens',
    'alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/(exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz',
    'beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/(exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz',
    'alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz',
    'beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz',
    'alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/(exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz',
    'beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz'])


def cobahh_fixed_connectivity(n):
    ne = int(0.8 * n)
    p = connection_probability(n)
    return {'constants': {'Ne': str(ne), 'area': '20000*umetre**2',
                          'Cm': '(1*ufarad*cm**-2) * area', 'gl': '(5e-5*siemens*cm**-2) * area',
                          'El': '-60*mV', 'EK': '-90*mV', 'ENa': '50*mV',
                          'g_na': '(100*msiemens*cm**-2) * area',
                          'g_kd': '(30*msiemens*cm**-2) * area', 'VT': '-63*mV',
                          'taue': '5*ms', 'taui': '10*ms', 'Ee': '0*mV', 'Ei': '-80*mV',
                          'we': '6*nS', 'wi': '67*nS'},
            'groups': [{'name': 'P', 'type': 'NeuronGroup', 'N': n,
                        'method': 'exponential_euler', 'equations': COBAHH_EQUATIONS,
                        'threshold': 'v>-20*mV', 'refractory': '3*ms',
                        'initial': {'v': 'El + (randn() * 5 - 5)*mV',
                                    'ge': '(randn() * 1.5 + 4) * 10.*nS',
                                    'gi': '(randn() * 12 + 20) * 10.*nS'}}],
            # Brian2 connects the subgroups P[:Ne] and P[Ne:] to P; a condition
            # on the presynaptic index selects the same sources.
            'synapses': [
                {'name': 'Ce', 'source': 'P', 'target': 'P', 'on_pre': 'ge+=we',
                 'connect': {'condition': 'i<Ne', 'p': p}},
                {'name': 'Ci', 'source': 'P', 'target': 'P', 'on_pre': 'gi+=wi',
                 'connect': {'condition': 'i>=Ne', 'p': p}}],
            'monitors': [{'name': 's_mon', 'type': 'SpikeMonitor', 'source': 'P'}]}


def stdp(n):
    return {'constants': {'taum': '10*ms', 'taupre': '20*ms', 'taupost': 'taupre',
                          'Ee': '0*mV', 'vt': '-54*mV', 'vr': '-60*mV', 'El': '-74*mV',
                          'taue': '5*ms', 'F': '15*Hz', 'gmax': '.01',
                          'dApre': '.01 * gmax',
                          'dApost': '-.01 * taupre / taupost * 1.05 * gmax'},
            'groups': [{'name': 'poisson_input', 'type': 'PoissonGroup', 'N': n, 'rates': 'F'},
                       {'name': 'neurons', 'type': 'NeuronGroup', 'N': 1, 'method': 'exact',
                        'equations': 'dv/dt = (ge * (Ee-vr) + El - v) / taum : volt\n'
                                     'dge/dt = -ge / taue : 1',
                        'threshold': 'v>vt', 'reset': 'v = vr'}],
            'synapses': [{'name': 'S', 'source': 'poisson_input', 'target': 'neurons',
                          'model': 'w : 1\n'
                                   'dApre/dt = -Apre / taupre : 1 (event-driven)\n'
                                   'dApost/dt = -Apost / taupost : 1 (event-driven)',
                          'on_pre': 'ge += w\nApre += dApre\nw = clip(w + Apost, 0, gmax)',
                          'on_post': 'Apost += dApost\nw = clip(w + Apre, 0, gmax)',
                          'connect': {}, 'initial': {'w': 'rand() * gmax'}}],
            'monitors': [{'name': 's_mon', 'type': 'SpikeMonitor', 'source': 'poisson_input'}]}


def spiking_sources(n, rate_hz):
    """Brian2's M = int(rate * N * defaultclock.dt), at least 1."""
    return max(1, int(rate_hz * n * DT_SECONDS))


def synapses_only(rate_hz, p):
    def build(n):
        return {'groups': [{'name': 'G', 'type': 'NeuronGroup', 'N': spiking_sources(n, rate_hz),
                            'equations': 'v : 1', 'threshold': 'True'},
                           {'name': 'H', 'type': 'NeuronGroup', 'N': n, 'equations': 'w : 1'}],
                'synapses': [{'name': 'S', 'source': 'G', 'target': 'H', 'on_pre': 'w += 1.0',
                              'connect': {'condition': 'True', 'p': p}}]}
    return build


SAME = 'none'
HH_EULER_DIVERGES = (
    'not measured: integrated with euler (Brian2 chooses it; so does Spike Studio), it '
    'diverges at t = 6.3 ms in both tools; see HHNeuronsOnlyExponentialEuler')
CONNECT_P = ('p = 80/N is capped at 1 (at N=10 Brian2 has p = 8, which also keeps every pair)')

TESTS = [
    SpeedTest('LinearNeuronsOnly', 'Neurons only: Linear 1D',
              [10, 100, 1000, 10000, 100000, 1000000], 10, linear_neurons,
              'v starts at 0.1 + i*(0.9/(N-1)), numpy.linspace up to the last bit'),
    SpeedTest('HHNeuronsOnly', 'Neurons only: Hodgkin-Huxley',
              [10, 100, 1000, 10000, 100000], 1, hh_neurons, SAME, state_variables=5,
              not_measured=HH_EULER_DIVERGES),
    SpeedTest('HHNeuronsOnlyExponentialEuler',
              'Neurons only: Hodgkin-Huxley, exponential Euler (variant)',
              [10, 100, 1000, 10000, 100000], 1,
              lambda n: hh_neurons(n, 'exponential_euler'),
              "HHNeuronsOnly integrated with method='exponential_euler' (as COBAHH is) in "
              'both tools; Brian2 runs its HHNeuronsOnly class with that method',
              state_variables=5, brian2_class='HHNeuronsOnly',
              brian2_method='exponential_euler'),
    SpeedTest('CUBAFixedConnectivity', 'Full examples: CUBA fixed connectivity',
              [10, 100, 1000, 10000, 100000], 1, cuba_fixed_connectivity, CONNECT_P,
              synapses=lambda n: 80 * n, spikes=lambda n: 50 * n, synapse_bytes=64,
              state_variables=5),
    SpeedTest('COBAHHFixedConnectivity', 'Full examples: COBAHH fixed connectivity',
              [100, 500, 1000, 5000, 10000, 50000, 100000, 500000, 1000000], 1,
              cobahh_fixed_connectivity,
              'Ce and Ci connect P to P with a condition i<Ne or i>=Ne where Brian2 '
              'connects the subgroups P[:Ne] and P[Ne:]: the same sources and '
              'probability, another sequence of random draws',
              synapses=lambda n: 80 * n, spikes=lambda n: 100 * n, synapse_bytes=64,
              state_variables=8),
    SpeedTest('STDP', 'Full examples: STDP with Poisson input',
              [100, 500, 1000, 5000, 10000, 50000, 100000, 500000, 1000000], 1, stdp, SAME,
              synapses=lambda n: n, spikes=lambda n: 20 * n, synapse_bytes=128),
]
SYNAPSES_ONLY = [
    ('VerySparseMediumRateSynapsesOnly', 'Very sparse, medium rate (10s duration)', 10, 0.02,
     [10, 100, 1000, 10000, 100000], 10),
    ('SparseMediumRateSynapsesOnly', 'Sparse, medium rate (1s duration)', 10, 0.2,
     [10, 100, 1000, 10000, 100000], 1),
    ('DenseMediumRateSynapsesOnly', 'Dense, medium rate (1s duration)', 10, 1.0,
     [10, 100, 1000, 10000, 40000], 1),
    ('SparseLowRateSynapsesOnly', 'Sparse, low rate (10s duration)', 1, 0.2,
     [10, 100, 1000, 10000, 100000], 10),
    ('SparseHighRateSynapsesOnly', 'Sparse, high rate (1s duration)', 100, 0.2,
     [10, 100, 1000, 10000], 1),
]
for name, label, rate, p, sizes, seconds in SYNAPSES_ONLY:
    TESTS.append(SpeedTest(
        name, 'Synapses only: ' + label, sizes, seconds, synapses_only(rate, p), SAME,
        synapses=lambda n, rate=rate, p=p: int(spiking_sources(n, rate) * n * p * 1.2) + 100,
        synapse_bytes=64))


def find_test(name):
    for test in TESTS:
        if test.name == name:
            return test
    raise ValueError('unknown speed test %r (known: %s)' % (name, ', '.join(t.name for t in TESTS)))


def parse_size(text):
    try:
        n = int(text)
    except ValueError:
        raise ValueError('N must be a whole number, not %r' % text) from None
    if not 1 <= n <= LARGEST_N:
        raise ValueError('N must lie between 1 and %d, not %d' % (LARGEST_N, n))
    return n


def write_model(test, n, path):
    """Writes the model beside `path` first, then renames it into place."""
    model = test.model(n)
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix='.speed_model_', suffix='.json', dir=directory)
        try:
            with os.fdopen(handle, 'w') as f:
                json.dump(model, f, indent=1)
                f.write('\n')
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:
        raise ValueError('cannot write %s (%s)' % (path, error.strerror)) from None


def main(argv):
    if argv[:1] == ['list'] and len(argv) == 1:
        for test in TESTS:
            print('\t'.join([test.name, ','.join(map(str, test.n_range)), test.differences]
                            + ([test.not_measured] if test.not_measured else [])))
        return
    if argv[:1] == ['write'] and len(argv) == 4:
        write_model(find_test(argv[1]), parse_size(argv[2]), argv[3])
        return
    if argv[:1] == ['smallest'] and len(argv) == 2:
        for test in TESTS:
            n = test.n_range[0]
            write_model(test, n, os.path.join(argv[1], '%s_%d.json' % (test.name, n)))
        return
    raise ValueError('usage: speed_models.py list | write TEST N MODEL.json | smallest DIR')


if __name__ == '__main__':
    try:
        main(sys.argv[1:])
    except ValueError as error:
        sys.exit('speed_models.py: %s' % error)
