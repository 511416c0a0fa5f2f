#!/usr/bin/env bash
# Times `deploycat apply` of many specs into a new catalog (release build), median of N runs:
# the examples copied COPIES times under other names (8 specs, 12 Regions per copy).
# Usage: benchmarks/apply.sh [COPIES] [RUNS]   (defaults 125 and 5: 1,000 specs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/lib.sh"
copies="${1:-125}"
runs="${2:-5}"
bench_setup

mkdir "$work/specs"
for i in $(seq "$copies"); do
    for example in "$root"/examples/*.yaml; do
        sed -E "s/^name: (.*)$/name: \1-$i/; s/(inferenceProfileApp: )(.*)$/\1\2-$i/" "$example" \
            > "$work/specs/$i-$(basename "$example")"
    done
done
specs=$(ls "$work/specs" | wc -l)
"$binary" catalog regions --db "$work/base.sqlite" > /dev/null 2>&1   # the default catalog, loaded once
before_each='copy_database "$work/base.sqlite" "$work/run.sqlite"'
echo "apply $specs specs into a new catalog: $(median_ms "$binary" apply -f "$work/specs" --db "$work/run.sqlite") ms (median of $runs)"
