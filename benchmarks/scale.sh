#!/usr/bin/env bash
# Large catalogs on both engines (an SQLite file; a database on a throwaway local PostgreSQL
# server). Whole process, release build, median of RUNS runs.
#   1. regenerate after a catalog change that makes 1% of 10,000 apps stale;
#   2. 100,000 apps with 1,000,000 template versions: apps list filters, history, impact,
#      catalog models --usage, regenerate --dry-run, verify.
# Usage: benchmarks/scale.sh [RUNS] [SMALL_APPS] [COPIES]   (defaults 5, 10000, 1000: 100 apps
# applied and synthesized, then each copied COPIES times with 10 versions)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/lib.sh"
source "$root/bin/lib/common.sh"
source "$root/bin/lib/postgres.sh"
runs="${1:-5}"
small_apps="${2:-10000}"
copies="${3:-1000}"
bench_setup
two_engine_setup

# Runs deploycat with ARGS on both engines' database NAME (set up the same way); what it says is
# kept in $work/setup.log.
both() {
    local name="$1"; shift
    "$binary" "$@" --db "$work/$name.sqlite" > /dev/null 2>> "$work/setup.log"
    "$binary" "$@" --db "$(url "$name")" > /dev/null 2>> "$work/setup.log"
}

# Specs: application inference profiles in us-east-1; every 100th calls Nova Pro through the us.
# profile, the others Claude Haiku 4.5 or Sonnet 4.5.
specs() {
    local count="$1" i model
    for i in $(seq 0 $(( count - 1 ))); do
        case $(( i % 100 )) in 0) model=amazon.nova-pro-v1:0 ;; [1-4]?) model=anthropic.claude-haiku-4-5-20251001-v1:0 ;;
            *) model=anthropic.claude-sonnet-4-5-20250929-v1:0 ;; esac
        printf -- '---\nname: app-%s\nteam: team-%s\npattern: application-inference-profile\nregions: [us-east-1]\n' "$i" $(( i % 20 ))
        printf 'properties: { modelSource: { crossRegion: { geography: us, model: %s } } }\n' "$model"
    done
}
# Adds us-west-1 to Nova Pro's us. profile routes from us-east-1: every app on Nova Pro is stale.
printf 'profiles:\n  - id: us.amazon.nova-pro-v1:0\n    routes:\n      us-east-1: [us-east-1, us-east-2, us-west-1, us-west-2]\n' \
    > "$work/nova-route.yaml"

echo "runs: $runs"
echo
echo "### regenerate: 1% of $small_apps apps stale"
echo
specs "$small_apps" > "$work/small.yaml"
new_database small
both small apply -f "$work/small.yaml"
both small synth --all
copy_database "$work/small.sqlite" "$work/small-clean.sqlite"
new_database small_clean small
both small catalog apply -f "$work/nova-route.yaml"
echo "| command | SQLite | PostgreSQL |"
echo "| --- | --- | --- |"
row "\`regenerate\`, nothing stale" "$work/small-clean.sqlite" "" "$(url small_clean)" "" regenerate
row "\`regenerate --dry-run\`, $(( small_apps / 100 )) apps stale" "$work/small.sqlite" "" "$(url small)" "" regenerate --dry-run
row "\`regenerate\`, $(( small_apps / 100 )) apps stale" \
    "$work/run.sqlite" "copy_database '$work/small.sqlite' '$work/run.sqlite'" \
    "$(url run)" "new_database run small" regenerate

echo
echo "### $(( 100 * (copies + 1) )) apps, $(( 100 * copies * 10 + 100 )) template versions"
echo
specs 100 > "$work/base.yaml"
new_database large
both large apply -f "$work/base.yaml"
both large synth --all
fill="$(cat "$root/benchmarks/scale/fill.sql")"
fill="${fill//@COPIES@/$copies}"
fill="${fill//@VERSIONS@/10}"
sqlite_rename="json_set(a.spec, '\$.name', c.name)"
postgres_rename="jsonb_set(a.spec, '{name}', to_jsonb(c.name))"
python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()' \
    "$work/large.sqlite" "${fill//@RENAMED_SPEC@/$sqlite_rename}"
sql -d "$(url large)" -c "${fill//@RENAMED_SPEC@/$postgres_rename}" -c "ANALYZE"
copy_database "$work/large.sqlite" "$work/large-changed.sqlite"
new_database large_changed large
for db in "$work/large-changed.sqlite" "$(url large_changed)"; do
    "$binary" catalog apply -f "$work/nova-route.yaml" --db "$db" > /dev/null 2>> "$work/setup.log"
done
echo "| command | SQLite | PostgreSQL |"
echo "| --- | --- | --- |"
large() { row "$1" "$work/large.sqlite" "" "$(url large)" "" "${@:2}"; }
large "\`apps list --model amazon.nova-pro-v1:0\` ($(( copies + 1 )) apps)" apps list --model amazon.nova-pro-v1:0
large "\`apps list --team team-7 --region us-east-1\`" apps list --team team-7 --region us-east-1
large "\`apps list --routes-to us-west-1 --model amazon.nova-pro-v1:0\`" apps list --routes-to us-west-1 --model amazon.nova-pro-v1:0
large "\`history app-17-c$copies\`" history "app-17-c$copies"
large "\`impact --model amazon.nova-pro-v1:0\`" impact --model amazon.nova-pro-v1:0
large "\`catalog models --usage\`" catalog models --usage
large "\`regenerate --dry-run\`, nothing stale" regenerate --dry-run
row "\`regenerate --dry-run\`, $(( copies + 1 )) apps stale" "$work/large-changed.sqlite" "" "$(url large_changed)" "" \
    regenerate --dry-run
large "\`verify\` (every body hashed)" verify
