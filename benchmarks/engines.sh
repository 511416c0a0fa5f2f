#!/usr/bin/env bash
# The common commands on both engines, side by side: an SQLite file and a database on a
# throwaway local PostgreSQL server (Unix socket, started and removed here). Whole process,
# release build, median of N runs; every PostgreSQL command pays for a connection.
# Usage: benchmarks/engines.sh [RUNS]   (default 11)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/lib.sh"
source "$root/bin/lib/common.sh"
source "$root/bin/lib/postgres.sh"
runs="${1:-11}"
bench_setup
two_engine_setup

# Two catalogs on each engine: "base" with the default catalog only, "applied" with the
# examples applied but not synthesized; "synthesized" with their templates stored too.
"$binary" catalog geos --db "$work/base.sqlite" > /dev/null
copy_database "$work/base.sqlite" "$work/applied.sqlite"
"$binary" apply -f examples --db "$work/applied.sqlite" > /dev/null
copy_database "$work/applied.sqlite" "$work/synthesized.sqlite"
"$binary" synth --all --db "$work/synthesized.sqlite" > /dev/null
new_database base && "$binary" catalog geos --db "$(url base)" > /dev/null
new_database applied base && "$binary" apply -f examples --db "$(url applied)" > /dev/null
new_database synthesized applied && "$binary" synth --all --db "$(url synthesized)" > /dev/null
printf 'models:\n  - id: amazon.titan-text-lite-v1\n    lifecycle: LEGACY\n' > "$work/change.yaml"

echo "runs: $runs; process start-up alone (\`deploycat --version\`, no database): $(median_ms "$binary" --version) ms"
echo "| command | SQLite | PostgreSQL |"
echo "| --- | --- | --- |"
row "first command: create the schema, load the default catalog (\`catalog geos\`)" \
    "$work/new.sqlite" "rm -f '$work/new.sqlite'*" "$(url fresh)" "new_database fresh" catalog geos
row "\`apps list\` (no apps: connection and schema check)" "$work/base.sqlite" "" "$(url base)" "" apps list
row "\`catalog models\` (all 176)" "$work/base.sqlite" "" "$(url base)" "" catalog models
row "\`catalog resolve\` (cross-Region, apac)" "$work/base.sqlite" "" "$(url base)" "" \
    catalog resolve anthropic.claude-3-5-sonnet-20241022-v2:0 --region ap-northeast-1
row "\`apply -f examples\` (13 apps)" "$work/run.sqlite" "copy_database '$work/base.sqlite' '$work/run.sqlite'" \
    "$(url run)" "new_database run base" apply -f examples
row "\`synth --all\`, 15 new versions" "$work/run.sqlite" "copy_database '$work/applied.sqlite' '$work/run.sqlite'" \
    "$(url run)" "new_database run applied" synth --all
row "\`synth --all\`, 15 unchanged" "$work/synthesized.sqlite" "" "$(url synthesized)" "" synth --all
row "\`catalog apply\` (one model marked LEGACY, 13 apps checked)" \
    "$work/run.sqlite" "copy_database '$work/synthesized.sqlite' '$work/run.sqlite'" \
    "$(url run)" "new_database run synthesized" catalog apply -f "$work/change.yaml"
row "\`catalog models --usage\`" "$work/synthesized.sqlite" "" "$(url synthesized)" "" catalog models --usage
row "\`export --out\` (15 templates)" "$work/synthesized.sqlite" "rm -rf '$work/export'" \
    "$(url synthesized)" "rm -rf '$work/export'" export --out "$work/export"
