#!/usr/bin/env bash
# Brian2's CUBA spike counts over 1 s for seeds 1..8 (numpy target), the range
# tst_synapses checks Spike Studio against: writes brian2/cuba_seed_counts.csv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tool="$here/../../../shared/tools/brian_ref.py"
export HOME="${BRIAN_HOME:-$(mktemp -d)}"
work="$(mktemp -d)"
echo "seed,spikes" > "$here/brian2/cuba_seed_counts.csv"
for seed in 1 2 3 4 5 6 7 8; do
    sed "s/\"seed\": 1,/\"seed\": $seed,/" "$here/../../resources/examples/cuba.json" > "$work/cuba.json"
    /usr/bin/python3 "$tool" "$work/cuba.json" "$work/out" 2>/dev/null
    echo "$seed,$(($(wc -l < "$work/out/spikes.csv") - 1))" >> "$here/brian2/cuba_seed_counts.csv"
done
cat "$here/brian2/cuba_seed_counts.csv"
