#!/usr/bin/python3
"""Writes binomial_numpy.csv next to this script: numpy's legacy binomial
draws, which tst_binomial_sampler compares spikestudio_binomial against bit
for bit.

usage: /usr/bin/python3 make_binomial_reference.py

For each case (seed, n, p): the 200 draws of
np.random.RandomState(seed).binomial(n, p, size=200), at index 0 to 199, and
then the next random_sample() of the same stream, at index 200, which shows
that the draws used as many uniforms as numpy's. Columns seed,n,p,index,value;
p and the uniform are written with repr, so they read back exactly.

The cases cover each of numpy's paths: inversion (n p <= 30) on p or, for
p > 0.5, on 1 - p counting failures; BTPE (n p > 30) likewise; the edges
n = 0, p = 0 and p = 1 (numpy's legacy RandomState still draws one uniform
for them); n p = 30 exactly; a tiny p with a huge n.
"""
import csv
import os

import numpy as np

DRAWS = 200

CASES = [  # seed, n, p
    (1, 10, 0.3),            # inversion
    (2, 1000, 0.02),         # inversion, n p = 20
    (3, 1000, 0.004),        # inversion, n p = 4 (PoissonInput's own path)
    (4, 20, 0.9),            # inversion on failures
    (5, 100, 0.75),          # inversion on failures, n q = 25
    (6, 60, 0.5),            # n p = 30: still inversion
    (7, 61, 0.5),            # n p = 30.5: BTPE, small spread
    (8, 1000, 0.3),          # BTPE
    (9, 100, 0.5),           # BTPE
    (10, 500, 0.1),          # BTPE, a p that is not a binary fraction
    (11, 10**6, 0.01),       # BTPE, wide: the squeeze and the Stirling bound
    (12, 10**9, 0.4),        # BTPE, wider still
    (13, 10**10, 1e-8),      # BTPE, tiny p
    (55, 100000, 0.00031),   # BTPE, n p = 31: one draw restarts from the left tail below 0
    (321, 1000, 0.1),        # BTPE: draw 90 needs numpy 1.24's Stirling sum (all terms added)
    (1651, 1000, 0.1),       # BTPE: draw 74 needs numpy 1.24's 13680 (the paper's 13860)
    (14, 1000, 0.8),         # BTPE on failures
    (15, 10**6, 0.8),        # BTPE on failures, wide
    (16, 0, 0.5),            # n = 0
    (17, 50, 0.0),           # p = 0
    (18, 50, 1.0),           # p = 1
    (19, 1, 0.5),            # a single trial
    (20, 1, 0.99),           # a single trial, on failures
    (21, 10**12, 2e-12),     # huge n, tiny p: inversion
    (4294967295, 10**12, 3e-11),  # huge n, tiny p, n p = 30: inversion; the largest seed
]


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'binomial_numpy.csv')
    with open(path, 'w', newline='') as out:
        writer = csv.writer(out, lineterminator='\n')
        writer.writerow(['seed', 'n', 'p', 'index', 'value'])
        for seed, n, p in CASES:
            stream = np.random.RandomState(seed)
            draws = stream.binomial(n, p, size=DRAWS)
            for index, value in enumerate(draws):
                writer.writerow([seed, n, repr(p), index, int(value)])
            writer.writerow([seed, n, repr(p), DRAWS, repr(float(stream.random_sample()))])


if __name__ == '__main__':
    main()
