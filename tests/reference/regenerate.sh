#!/usr/bin/env bash
# Regenerates the Brian2 reference CSVs from the models in models/ with the
# project's own reference script (Brian2 from Debian's python3-brian, numpy
# target):   brian_ref.py MODEL OUTDIR
# Writes ROOT/<model>/<monitor>.csv, ROOT being tests/reference/brian2 unless
# given: `regenerate.sh /tmp/fresh && diff -r /tmp/fresh tests/reference/brian2`
# checks the committed files without touching them. Run from anywhere; takes
# a few minutes (nice it on a shared machine).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="${1:-$here/brian2}"
export HOME="${BRIAN_HOME:-$(mktemp -d)}"
for model in "$here"/models/*.json; do
    name="$(basename "$model" .json)"
    rm -rf "${root:?}/$name"
    /usr/bin/python3 "$here/brian_ref.py" "$model" "$root/$name"
    echo "regenerated $name"
done
