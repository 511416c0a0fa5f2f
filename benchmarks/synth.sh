#!/usr/bin/env bash
# Times template synthesis: in-process per template (deploycat-bench), and `deploycat synth --all`
# for the examples as a whole process (release build), median of N runs.
# Usage: benchmarks/synth.sh [RUNS]   (default 11)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/lib.sh"
runs="${1:-11}"
bench_setup
swift build -c release --product deploycat-bench >&2

echo "== in-process"
"$root/.build/release/deploycat-bench" "$root/examples" 200

# A catalog with the examples applied, copied fresh for each run so every run records new versions.
"$binary" apply -f "$root/examples" --db "$work/base.sqlite" > /dev/null
before_each='copy_database "$work/base.sqlite" "$work/run.sqlite"'
echo "== whole process (runs: $runs)"
echo "synth --all (examples), new versions: $(median_ms "$binary" synth --all --db "$work/run.sqlite") ms"
"$binary" synth --all --db "$work/base.sqlite" > /dev/null
echo "synth --all (examples), unchanged:    $(median_ms "$binary" synth --all --db "$work/run.sqlite") ms"
