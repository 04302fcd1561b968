"""The name Spike Studio gives a run_regularly entry without one (the
checker's rule, docs/model-format.md): like Brian2's find_name, the first
free of G_run_regularly, G_run_regularly_1, ..., after the group or the
subgroup it runs on. Free of Brian2, for the exporter."""


def default_run_regularly_name(base, taken):
    """`base`_run_regularly, or the first numbered one not in `taken`."""
    names = set(taken)
    name = base + '_run_regularly'
    k = 0
    while name in names:
        k += 1
        name = '%s_run_regularly_%d' % (base, k)
    return name
