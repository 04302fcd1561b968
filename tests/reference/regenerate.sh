#!/usr/bin/env bash
# Regenerates the Brian2 reference CSVs from the models in models/ with the
# project's shared tool (Debian's python3-brian, numpy target):
#   ../shared/tools/brian_ref.py MODEL OUTDIR
# Models with `timed_arrays` or `poisson_inputs` (which the shared tool does not
# read) go through brian_ref_inputs.py, which hands them to the same tool.
# Run from anywhere; writes tests/reference/brian2/<model>/<monitor>.csv.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tool="$here/../../../shared/tools/brian_ref.py"
export HOME="${BRIAN_HOME:-$(mktemp -d)}"
for model in "$here"/models/*.json; do
    name="$(basename "$model" .json)"
    rm -rf "$here/brian2/$name"
    if grep -q '"timed_arrays"\|"poisson_inputs"' "$model"; then
        /usr/bin/python3 "$here/brian_ref_inputs.py" "$model" "$here/brian2/$name"
    else
        /usr/bin/python3 "$tool" "$model" "$here/brian2/$name"
    fi
    echo "regenerated $name"
done
