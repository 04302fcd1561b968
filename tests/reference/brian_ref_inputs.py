#!/usr/bin/python3
"""Runs a model file that uses `timed_arrays` and `poisson_inputs` in Brian2
through the shared tool ../shared/tools/brian_ref.py, which reads neither.

usage: brian_ref_inputs.py MODEL.json OUTDIR [brian_ref.py options]

Each TimedArray becomes a constant `name = TimedArray(values*unit, dt=dt)`
(appended to `constants`, so brian_ref.py puts it in the namespace), and each
PoissonInput is added to the network just before it runs, in model order, so
Brian2 names them poissoninput, poissoninput_1, ... as Spike Studio assumes.
"""
import json, os, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', '..', '..', 'shared', 'tools'))
import brian_ref  # noqa: E402
import brian2 as b2  # noqa: E402


def timed_array_constant(spec):
    unit = spec.get('unit') or '1'
    return 'TimedArray(array(%s)*(%s), dt=%s)' % (json.dumps(spec['values']), unit, spec['dt'])


def add_poisson_inputs(inputs, constants):
    names = {k: getattr(b2, k) for k in dir(b2) if not k.startswith('_')}
    for name, expr in constants.items():
        names[name] = eval(str(expr), dict(names))
    original_run = b2.Network.run

    def run(self, duration, *args, **kwargs):
        groups = {obj.name: obj for obj in self.objects}
        for spec in inputs:
            rate = eval(str(spec['rate']), dict(names))
            self.add(b2.PoissonInput(groups[spec['target']], spec['variable'], spec['N'], rate,
                                     str(spec['weight'])))
        return original_run(self, duration, *args, **kwargs)

    b2.Network.run = run


def main():
    model_path, outdir = sys.argv[1], sys.argv[2]
    model = json.load(open(model_path))
    constants = dict(model.get('constants', {}))
    add_poisson_inputs(model.pop('poisson_inputs', []), constants)
    for spec in model.pop('timed_arrays', []):
        model.setdefault('constants', {})[spec['name']] = timed_array_constant(spec)
    with tempfile.NamedTemporaryFile('w', suffix='.json', delete=False) as plain:
        json.dump(model, plain)
    try:
        sys.argv = [sys.argv[0], plain.name, outdir] + sys.argv[3:]
        brian_ref.main()
    finally:
        os.unlink(plain.name)


if __name__ == '__main__':
    main()
