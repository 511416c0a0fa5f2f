#!/usr/bin/env bash
# `report html` over a large catalog on both engines (an SQLite file; a database on a throwaway
# local PostgreSQL server). Whole process, release build, median of RUNS runs into a new folder
# and as many into the folder of an earlier run; then the pages, bytes and largest page the
# command reports, and whether two runs, and the two engines, write the same bytes (`diff -r`,
# same --as-of).
# The catalog (built on SQLite, then `db copy` to PostgreSQL so both hold the same rows and
# timestamps): APPS apps of 20 teams, application inference profiles and Lambda functions with
# profiles of their own, through us, eu, apac and global profiles, in 1-2 Regions each, with
# usage (estimates) and CostCenter and environment tags; synthesized; then a catalog change
# (the us. Claude 4.5 profiles route to one Region more, the eu. ones to one fewer) regenerated,
# so those apps have two versions and a last change; then a second change (two apac. profiles
# route to one Region more) left stale; then ROWS-row legacy CUR exports for three months
# imported. Before each timed run, the last run's site is moved aside rather than deleted (right
# after 10,000 files are deleted, creating as many takes seconds longer on ext4) and `sync`
# writes what is pending to disk, so that no run waits for an earlier run's 120 MB.
# Usage: benchmarks/report.sh [RUNS] [APPS] [ROWS]   (defaults 5, 10000, 100000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/lib.sh"
source "$root/bin/lib/common.sh"
source "$root/bin/lib/postgres.sh"
runs="${1:-5}"
apps="${2:-10000}"
rows="${3:-100000}"
as_of=2025-04-01
bench_setup
two_engine_setup

teams=(payments search support claims fraud marketing legal finance hr analytics
       storefront logistics risk security devtools mobile media research sales ops)
# Per geography: the Regions apps are deployed in (source Regions of its profiles) and the
# models they call (each with a profile of that geography).
declare -A geo_regions=(
    [us]="us-east-1 us-east-2 us-west-2" [eu]="eu-west-1 eu-central-1 eu-west-3"
    [apac]="ap-southeast-1 ap-northeast-2 ap-south-1" [global]="us-east-1 eu-west-1 ap-northeast-1")
declare -A geo_models=(
    [us]="anthropic.claude-haiku-4-5-20251001-v1:0 anthropic.claude-sonnet-4-5-20250929-v1:0 amazon.nova-pro-v1:0 amazon.nova-lite-v1:0 meta.llama3-3-70b-instruct-v1:0"
    [eu]="anthropic.claude-haiku-4-5-20251001-v1:0 anthropic.claude-sonnet-4-5-20250929-v1:0 amazon.nova-pro-v1:0 anthropic.claude-3-7-sonnet-20250219-v1:0"
    [apac]="amazon.nova-pro-v1:0 amazon.nova-lite-v1:0 anthropic.claude-sonnet-4-20250514-v1:0 anthropic.claude-3-5-sonnet-20240620-v1:0"
    [global]="anthropic.claude-haiku-4-5-20251001-v1:0 anthropic.claude-sonnet-4-5-20250929-v1:0 anthropic.claude-sonnet-4-20250514-v1:0")
# 40% us, 30% eu, 20% apac, 10% global.
geo_cycle=(us us us us eu eu eu apac apac global)

# App i (named bench-i, as billing_export.py tags its rows): 3 in 5 application inference
# profiles, 2 in 5 Lambda functions with a profile of their own (global ones are all profiles:
# a Lambda function's profile takes its Region's geography); every third in two Regions.
specs() {
    local i geo team regions models model region_list first second count pattern
    for i in $(seq 0 $(( apps - 1 ))); do
        geo=${geo_cycle[$(( (i / 7) % 10 ))]}
        team=${teams[$(( i % 20 ))]}
        read -ra regions <<< "${geo_regions[$geo]}"
        read -ra models <<< "${geo_models[$geo]}"
        model=${models[$(( (i / 3) % ${#models[@]} ))]}
        pattern=application-inference-profile
        if [ $(( i % 5 )) -ge 3 ] && [ "$geo" != global ]; then pattern=lambda-bedrock-inference-profile; fi
        count=${#regions[@]}
        # A Lambda function in ap-south-1 would take the narrower in. geography: apac ones skip it.
        if [ "$pattern" = lambda-bedrock-inference-profile ] && [ "$geo" = apac ]; then count=2; fi
        first=${regions[$(( i % count ))]}
        second=${regions[$(( (i + 1) % count ))]}
        region_list=$first
        if [ $(( i % 3 )) -eq 0 ]; then region_list="$first, $second"; fi
        printf -- '---\nname: bench-%s\nteam: %s\npattern: %s\nregions: [%s]\n' "$i" "$team" "$pattern" "$region_list"
        printf 'tags: { CostCenter: CC-%03d, environment: %s }\n' $(( (i % 20) * 3 + i % 3 )) \
            "$([ $(( i % 4 )) -eq 0 ] && echo staging || echo prod)"
        printf 'usage: { requestsPerMonth: %s, inputTokensPerRequest: %s, outputTokensPerRequest: %s }\n' \
            $(( (i % 50 + 1) * 2000 )) $(( (i % 7 + 1) * 250 )) $(( (i % 5 + 1) * 100 ))
        if [ "$pattern" = application-inference-profile ]; then
            printf 'properties: { modelSource: { crossRegion: { geography: %s, model: %s } } }\n' "$geo" "$model"
        else
            printf 'properties:\n  bedrockModelId: %s\n' "$model"
            printf '  lambdaFunctionProps: { handler: index.handler, code: { inline: "exports.handler = async () => 1;" } }\n'
        fi
    done
}

# The Regions a profile routes to from each of the Regions apps use, one left out or one added.
routes() {
    local id="$1" change="$2" sources="$3" source destinations
    printf '  - id: %s\n    routes:\n' "$id"
    for source in $sources; do
        destinations=$("$binary" catalog profiles --model "${id#*.}" --geo "${id%%.*}" --json --db "$work/report.sqlite" |
            python3 -c 'import json, sys; p = json.load(sys.stdin)[0]; print(" ".join(p["routes"][sys.argv[1]]))' "$source")
        case "$change" in
            drop) destinations=$(printf '%s\n' $destinations | grep -vx "$4" | paste -sd' ') ;;
            add) destinations="$destinations $4" ;;
        esac
        printf '      %s: [%s]\n' "$source" "$(printf '%s\n' $destinations | sort -u | paste -sd, | sed 's/,/, /g')"
    done
}

db="$work/report.sqlite"
step() { echo "  $1" >&2; shift; "$binary" "$@" --db "$db" >> "$work/setup.log" 2>&1; }
echo "setting up $apps apps (this takes a few minutes)..." >&2
specs > "$work/apps.yaml"
step "apply" apply -f "$work/apps.yaml"
step "synth --all" synth --all
{
    echo "profiles:"
    for model in anthropic.claude-haiku-4-5-20251001-v1:0 anthropic.claude-sonnet-4-5-20250929-v1:0; do
        routes "us.$model" add "us-east-1 us-east-2 us-west-2" us-west-1
        routes "eu.$model" drop "eu-west-1 eu-central-1 eu-west-3" eu-south-2
    done
} > "$work/change-1.yaml"
step "catalog change 1 (us. and eu. Claude 4.5 profiles), regenerate" catalog apply -f "$work/change-1.yaml"
step "  regenerate" regenerate
{
    echo "profiles:"
    routes apac.amazon.nova-pro-v1:0 add ap-southeast-1 ap-southeast-3
    routes apac.amazon.nova-lite-v1:0 add ap-southeast-1 ap-southeast-3
} > "$work/change-2.yaml"
step "catalog change 2 (apac. Nova profiles), left stale" catalog apply -f "$work/change-2.yaml"
for month in 2025-01 2025-02 2025-03; do
    python3 "$root/benchmarks/billing_export.py" cur "$rows" "$work/cur-$month.csv" --apps "$apps" --month "$month"
    step "cost import $month ($rows rows)" cost import "$work/cur-$month.csv"
    rm "$work/cur-$month.csv"
done
new_database report
echo "  db copy to PostgreSQL" >&2
"$binary" db copy --to "$(url report)" --db "$db" >> "$work/setup.log" 2>&1

versions=$(python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(*c.execute(
    "SELECT count(*), count(DISTINCT appName), (SELECT count(*) FROM (SELECT appName FROM templateVersion GROUP BY appName HAVING max(version) > 1)) FROM templateVersion").fetchone())' "$db")
read -r version_count app_count changed_apps <<< "$versions"
"$binary" regenerate --dry-run --db "$db" > "$work/stale.txt" 2>&1
stale=$(grep -c ' v[0-9]' "$work/stale.txt" || true)
changing=$(grep -c 'would be new' "$work/stale.txt" || true)

echo "runs: $runs; $apps apps, $version_count template versions, $changed_apps apps with a last change;" \
    "$stale templates stale, $changing of them would change; $rows billing rows a month for 3 months"
echo
echo "| command | SQLite | PostgreSQL |"
echo "| --- | --- | --- |"
aside="{ mv '$work/site' \"$work/old-\$RANDOM\" 2> /dev/null || true; }; sync"
row "\`report html --out DIR --as-of $as_of\` (new folder)" "$db" "$aside" "$(url report)" "$aside" \
    report html --out "$work/site" --as-of "$as_of"
row "the same into the folder of an earlier run" "$db" "sync" "$(url report)" "sync" \
    report html --out "$work/site" --as-of "$as_of"
echo
echo '```'
rm -rf "$work/site"
written() { printf '%s: ' "$1"; "$binary" report html --out "$work/$3" --as-of "$as_of" --db "$2"; }
written SQLite "$db" sqlite-1
written "SQLite again" "$db" sqlite-2
written PostgreSQL "$(url report)" postgres
echo '```'
echo
diff -r "$work/sqlite-1" "$work/sqlite-2" > /dev/null && echo "Two runs on SQLite: same bytes." || echo "Two runs on SQLite: DIFFERENT."
diff -r "$work/sqlite-1" "$work/postgres" > /dev/null && echo "SQLite and PostgreSQL: same bytes." || {
    echo "SQLite and PostgreSQL: DIFFERENT:"
    diff -rq "$work/sqlite-1" "$work/postgres" | head -5
}
echo
echo "Largest pages:"
echo '```'
find "$work/sqlite-1" -name '*.html' -printf '%s %P\n' | sort -rn | head -8 | awk '{ printf "%8.1f KB  %s\n", $1 / 1000, $2 }'
echo '```'
