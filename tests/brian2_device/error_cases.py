"""What the spikestudio device says when it cannot do what a script asks (run
by tst_brian2_device): each case runs in a fresh scope and prints one line,
"CASE: ExceptionType: message", or "CASE: no error"."""
import os

from brian2 import *
import brian2spikestudio.device
from brian2.devices.device import get_device

SCRIPT = os.path.basename(__file__)


def group(name):
    return NeuronGroup(3, 'dv/dt = (1.1 - v)/(10*ms) : 1', threshold='v > 1', reset='v = 0',
                       method='exact', name=name)


def unsupported_feature():
    G = group('G1'); S = Synapses(G, G, 'w : 1', on_pre='v += w', name='S1'); S.connect()
    S.run_regularly('w = 0.5', dt=1*ms)
    Network(G).run(1*ms)  # Brian2 runs S as a part of G, through its run_regularly


def refused_by_spike_studio():
    auto = 10*ms  # a C keyword: Spike Studio refuses it as a name
    G = NeuronGroup(1, 'dv/dt = -v/auto : 1', name='G2')
    run(1*ms)


def state_spike_studio_lacks():
    G = group('G3')
    M = SpikeMonitor(G, name='M3')
    run(30*ms)
    assert M.num_spikes == 3 and 0 < G.v[0] < 1, (M.num_spikes, G.v[0])  # data and state
    print(G.state('_spikespace')[:])  # Brian2's bookkeeping, which Spike Studio does not keep


def second_run_with_changes():
    G = group('G4'); S = Synapses(G, G, on_pre='v += 0.1', name='S4'); S.connect(i=0, j=1)
    run(1*ms)
    S.connect(i=1, j=0)  # a protocol keeps the synapses made before its first run
    run(1*ms)


def dt_change_with_delays():
    G = group('G7'); S = Synapses(G, G, on_pre='v += 0.1', delay=1*ms, name='S7'); S.connect()
    run(1*ms)
    defaultclock.dt = 0.05*ms  # the spikes in flight would change steps
    run(1*ms)


def program_missing():
    os.environ['SPIKESTUDIO_BINARY'] = '/nonexistent/spikestudio'
    G = group('G5')
    run(1*ms)


def unknown_tier():
    set_device('spikestudio', tier='fast')


def unknown_option():
    set_device('spikestudio', threads=4)


def values_through_subgroup():
    G = group('G6')
    H = G[1:3]
    H.v['rand() < 0.5'] = 0.5  # Brian2 draws for the subgroup's neurons only
    run(1*ms)


CASES = [unsupported_feature, refused_by_spike_studio, state_spike_studio_lacks,
         second_run_with_changes, dt_change_with_delays, values_through_subgroup,
         program_missing, unknown_tier, unknown_option]

if __name__ == '__main__':
    for case in CASES:
        set_device('spikestudio', tier='tcc')
        get_device().reinit()
        start_scope()
        try:
            case()
            print('%s: no error' % case.__name__)
        except Exception as error:
            print('%s: %s: %s' % (case.__name__, type(error).__name__,
                                  str(error).strip().splitlines()[0]))
