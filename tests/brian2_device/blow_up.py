"""A network whose values blow up, run through the spikestudio device (by
tst_brian2_device in a temporary folder): as in Brian2, the run goes to its
end, the monitors hold every step, the group holds the infinite values, and
Brian2's invalid-values warning is logged. Prints one line per fact checked,
'ok' when all hold."""
import builtins

from brian2 import *
from brian2.utils.logger import catch_logs
import brian2spikestudio

set_device('spikestudio', tier='tcc')

G = NeuronGroup(3, 'dv/dt = v**2/ms : 1', method='euler', name='G')
G.v = '0.1*(i + 1)'
trace = StateMonitor(G, 'v', record=True, name='trace')
with catch_logs() as logs:
    run(20*ms)

checks = {
    'the run went to its end': trace.v.shape == (3, 200),
    'the group holds the blown-up values': not np.isfinite(G.v[:]).any(),
    'the first steps are finite': np.isfinite(trace.v[:, 0]).all(),
    "Brian2's warning": any(name.endswith('invalid_values') and "G's variable 'v'" in message
                            for _, name, message in logs),
    'simulation time reported': device._last_run_time > 0,
}
for fact, holds in checks.items():
    print('%s: %s' % (fact, 'ok' if holds else 'FAILED'))
print('ok' if builtins.all(checks.values()) else 'FAILED')
