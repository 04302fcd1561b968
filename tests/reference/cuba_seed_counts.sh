#!/usr/bin/env bash
# Brian2's CUBA spike counts over 1 s for seeds 1..8 (numpy target), the range
# tst_synapses checks Spike Studio against: writes brian2/cuba_seed_counts.csv
# (or the file given as the first argument).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
counts="${1:-$here/brian2/cuba_seed_counts.csv}"
export HOME="${BRIAN_HOME:-$(mktemp -d)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "seed,spikes" > "$work/counts.csv"
for seed in 1 2 3 4 5 6 7 8; do
    rm -rf "$work/out"
    /usr/bin/python3 "$here/brian_ref.py" "$here/../../resources/examples/cuba.json" "$work/out" \
        --seed "$seed" 2>/dev/null
    echo "$seed,$(($(wc -l < "$work/out/spikes.csv") - 1))" >> "$work/counts.csv"
done
mv "$work/counts.csv" "$counts"
cat "$counts"
