#!/usr/bin/env bash
# Builds the fuzz targets (the `fuzz` preset) and runs each for a while.
#
#   fuzz/run.sh [--time SECONDS] [--jobs N] [--unit-timeout SECONDS] [--build-dir DIR]
#               [--smoke] [TARGET...]
#
# TARGET: expression model generator chunk_codec project (default: all).
# --time: seconds per target (default 600); --jobs: parallel fuzzing processes
# per target (default 1); --unit-timeout: an input running longer is a finding
# (default 10; raise it on a loaded machine); --build-dir: default build-fuzz
# in the source tree.
# --smoke: what ctest runs: 3 s per target (SPIKESTUDIO_FUZZ_SECONDS
# overrides), exit 77 (skipped) when clang's libFuzzer is missing.
# New corpus entries go to BUILD/corpus/<target>, findings to
# BUILD/findings/<target>/. Exit status 1 when a target found something.
set -euo pipefail

source_dir="$(cd "$(dirname "$0")/.." && pwd)"
build_dir="$source_dir/build-fuzz"
seconds=600
jobs=1
unit_timeout=10
smoke=0
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --time) seconds="$2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --unit-timeout) unit_timeout="$2"; shift 2 ;;
        --build-dir) build_dir="$2"; shift 2 ;;
        --smoke) smoke=1; seconds="${SPIKESTUDIO_FUZZ_SECONDS:-3}"; shift ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=(expression model generator chunk_codec project)

skip() {
    echo "fuzz: skipped: $1"
    exit 77
}

# The preset's compiler, and libFuzzer's runtime (libclang-rt-14-dev).
command -v clang++-14 >/dev/null || skip "clang++-14 is not installed (apt-get install clang-14)"
probe_dir="$(mktemp -d)"
trap 'rm -rf "$probe_dir"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long) { return 0; }' \
    >"$probe_dir/probe.cpp"
clang++-14 -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe" \
    2>/dev/null || skip "clang++-14 cannot link libFuzzer (apt-get install libclang-rt-14-dev)"

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
build_start=$SECONDS
cmake -S "$source_dir" -B "$build_dir" --preset fuzz "${launcher[@]}" >/dev/null
cmake --build "$build_dir" --target fuzzers
echo "fuzz: built in $((SECONDS - build_start)) s"

# The memory budget refuses models and projects well below libFuzzer's malloc limit.
export SPIKESTUDIO_MEMORY_LIMIT=512M
# Known failure classes being fixed elsewhere are suppressed (fuzz/known-ubsan.supp);
# any other report ends the run with a finding.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$source_dir/fuzz/known-ubsan.supp"

failed=()
for target in "${targets[@]}"; do
    seeds="$source_dir/fuzz/corpus/$target"
    corpus="$build_dir/corpus/$target"
    findings="$build_dir/findings/$target"
    [ -d "$seeds" ] || { echo "fuzz: no target '$target'" >&2; exit 2; }
    mkdir -p "$corpus" "$findings"
    options=(-max_total_time="$seconds" -timeout="$unit_timeout" -rss_limit_mb=2048 -malloc_limit_mb=1024
             -artifact_prefix="$findings/" -print_final_stats=1)
    dict="$source_dir/fuzz/dict/$target.dict"
    [ -f "$dict" ] && options+=(-dict="$dict")
    if [ "$jobs" -gt 1 ]; then
        options+=(-fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    fi
    echo "fuzz: $target for $seconds s"
    log="$build_dir/findings/$target.log"
    started="$build_dir/findings/.$target.started"
    touch "$started"
    status=0
    "$build_dir/fuzz/fuzz_$target" "${options[@]}" "$corpus" "$seeds" >"$log" 2>&1 || status=$?
    # slow-unit-* files only record the slowest input so far: not findings.
    found="$(find "$findings" -type f -newer "$started" ! -name 'slow-unit-*' | head -5)"
    if [ "$status" -eq 0 ] && [ -z "$found" ]; then
        grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)" "$log" || true
    else
        failed+=("$target")
        echo "fuzz: $target FOUND A PROBLEM (exit status $status); the log ends:"
        tail -40 "$log"
        echo "fuzz: inputs: ${found:-see $findings/}"
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: findings in: ${failed[*]}"
    exit 1
fi
echo "fuzz: no findings (${targets[*]}, $seconds s each)"
