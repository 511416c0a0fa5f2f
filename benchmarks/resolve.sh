#!/usr/bin/env bash
# Times `deploycat catalog resolve` as a whole process (release build): the median of N runs.
# Usage: benchmarks/resolve.sh [RUNS]   (default 21)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/lib.sh"
runs="${1:-21}"
bench_setup

"$binary" catalog geos --db "$work/bench.sqlite" > /dev/null   # creates the catalog

echo "runs: $runs"
echo "resolve, cross-Region (apac):    $(median_ms "$binary" catalog resolve anthropic.claude-3-5-sonnet-20241022-v2:0 --region ap-northeast-1 --db "$work/bench.sqlite") ms"
echo "resolve, global:                 $(median_ms "$binary" catalog resolve anthropic.claude-haiku-4-5-20251001-v1:0 --region us-east-1 --geo global --json --db "$work/bench.sqlite") ms"
echo "resolve, single Region:          $(median_ms "$binary" catalog resolve amazon.titan-embed-text-v2:0 --region us-east-1 --single-region --db "$work/bench.sqlite") ms"
echo "catalog models (all, table):     $(median_ms "$binary" catalog models --db "$work/bench.sqlite") ms"
rm -f "$work/new.sqlite"
echo "first use (create + default):    $(median_ms sh -c "rm -f '$work/new.sqlite'*; '$binary' catalog geos --db '$work/new.sqlite'") ms"
