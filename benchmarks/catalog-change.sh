#!/usr/bin/env bash
# Times a catalog change with many apps in the catalog: every change checks that no live app's
# spec stops checking out (each app validated against the catalog before and after), so its
# cost grows with the number of apps. Whole process, release build, median of N runs.
# Usage: benchmarks/catalog-change.sh [RUNS] [APPS]   (defaults 11 and 1000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/lib.sh"
runs="${1:-11}"
apps="${2:-1000}"
bench_setup

# A LEGACY mark on a model no app uses: the change itself is tiny, the app check is the work.
printf 'models:\n  - id: amazon.titan-text-lite-v1\n    lifecycle: LEGACY\n' > "$work/change.yaml"
"$binary" catalog geos --db "$work/empty.sqlite" > /dev/null

# APPS application-inference-profile apps across four Regions, in one file of many documents.
for i in $(seq "$apps"); do
    printf -- '---\nname: app-%s\nteam: team-%s\npattern: application-inference-profile\n' "$i" $(( i % 20 ))
    printf 'regions: [us-east-1, us-west-2, eu-west-1, ap-northeast-1]\n'
    printf 'properties: { modelSource: { crossRegion: { geography: global, model: anthropic.claude-haiku-4-5-20251001-v1:0 } } }\n'
done > "$work/apps.yaml"
copy_database "$work/empty.sqlite" "$work/full.sqlite"
"$binary" apply -f "$work/apps.yaml" --db "$work/full.sqlite" > /dev/null

echo "== whole process (runs: $runs)"
echo "catalog apply --dry-run, no apps:        $(median_ms "$binary" catalog apply -f "$work/change.yaml" --dry-run --db "$work/empty.sqlite") ms"
echo "catalog apply --dry-run, $apps apps:     $(median_ms "$binary" catalog apply -f "$work/change.yaml" --dry-run --db "$work/full.sqlite") ms"
before_each='copy_database "$work/full.sqlite" "$work/run.sqlite"'
echo "catalog apply, $apps apps:               $(median_ms "$binary" catalog apply -f "$work/change.yaml" --db "$work/run.sqlite") ms"
before_each=''
echo "apply of $apps specs (all unchanged):    $(median_ms "$binary" apply -f "$work/apps.yaml" --db "$work/full.sqlite") ms"
