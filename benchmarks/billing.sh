#!/usr/bin/env bash
# Actual costs on both engines (an SQLite file; a database on a throwaway local PostgreSQL
# server): `cost import` of ROWS-row exports in each format (plain CSV) and of a BIG_ROWS-row
# legacy CUR (gzip), then importing that again (it replaces its month), and `cost report`.
# Whole process, release build, one run each: wall time and peak memory (max RSS) from
# /usr/bin/time -v. The exports come from benchmarks/billing_export.py: as many columns as AWS
# delivers; 20 apps whose application inference profiles are tagged on most rows and not on
# some; Lambda functions named after the apps; 30% other services.
# Usage: benchmarks/billing.sh [ROWS] [BIG_ROWS]   (defaults 100000, 1000000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/benchmarks/lib.sh"
source "$root/bin/lib/common.sh"
source "$root/bin/lib/postgres.sh"
rows="${1:-100000}"
big="${2:-1000000}"
bench_setup
two_engine_setup

# The apps the exports' tags and names refer to: bench-0 ... bench-19, Lambda functions calling
# Claude Haiku 4.5 through their own profiles, 100,000 requests a month each.
for i in $(seq 0 19); do
    printf -- '---\nname: bench-%s\nteam: team-%s\npattern: lambda-bedrock-inference-profile\nregions: [us-east-1]\n' "$i" $(( i % 5 ))
    printf 'tags: { CostCenter: CC-%03d }\n' $(( i % 7 ))
    printf 'usage: { requestsPerMonth: 100000, inputTokensPerRequest: 1000, outputTokensPerRequest: 200 }\n'
    printf 'properties:\n  bedrockModelId: anthropic.claude-haiku-4-5-20251001-v1:0\n'
    printf '  lambdaFunctionProps: { handler: index.handler, code: { inline: "exports.handler = async () => 1;" } }\n'
done > "$work/apps.yaml"

echo "generating exports..." >&2
python3 "$root/benchmarks/billing_export.py" cur "$rows" "$work/cur.csv"
python3 "$root/benchmarks/billing_export.py" cur2 "$rows" "$work/cur2.csv"
python3 "$root/benchmarks/billing_export.py" focus "$rows" "$work/focus.csv"
python3 "$root/benchmarks/billing_export.py" cur "$big" "$work/big.csv.gz" --month 2025-02

new_database billing
sqlite_db="$work/billing.sqlite"
postgres_db="$(url billing)"
for db in "$sqlite_db" "$postgres_db"; do
    "$binary" apply -f "$work/apps.yaml" --db "$db" > /dev/null 2>> "$work/setup.log"
done

# Runs `cost import FILE` on DB; prints "SECONDS s | RSS MB".
measure() {
    local db="$1" file="$2"
    /usr/bin/time -v -o "$work/time.txt" "$binary" cost import "$file" --db "$db" > "$work/import.log" 2>> "$work/setup.log"
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
        /Maximum resident set size/ { rss = $2 }
        END { printf "%.1f s | %.0f MB", wall, rss / 1024 }' "$work/time.txt"
}

size() { du -m "$1" | cut -f1; }

echo "### cost import: $rows rows per format, $big-row CUR (gzip)"
echo
echo "| export ($rows rows unless said) | file | SQLite time | SQLite max RSS | PostgreSQL time | PostgreSQL max RSS |"
echo "| --- | --- | --- | --- | --- | --- |"
for entry in "legacy CUR:cur.csv" "CUR 2.0:cur2.csv" "FOCUS 1.2:focus.csv" "legacy CUR, $big rows, gzip:big.csv.gz" \
    "the same again (replaces the month):big.csv.gz"; do
    label="${entry%%:*}" file="$work/${entry#*:}"
    printf '| %s | %s MB | %s | %s |\n' "$label" "$(size "$file")" "$(measure "$sqlite_db" "$file")" "$(measure "$postgres_db" "$file")"
done
echo
echo "### cost report on the $big-row month"
echo
echo "| command | SQLite | PostgreSQL |"
echo "| --- | --- | --- |"
runs=3
row "\`cost report --month 2025-02\`" "$sqlite_db" "" "$postgres_db" "" cost report --month 2025-02
row "\`cost report --by CostCenter --month 2025-02\`" "$sqlite_db" "" "$postgres_db" "" cost report --by CostCenter --month 2025-02
row "\`cost report --by model --month 2025-02\`" "$sqlite_db" "" "$postgres_db" "" cost report --by model --month 2025-02
echo
echo '```'
"$binary" cost report --by team --month 2025-02 --db "$postgres_db"
echo
"$binary" cost report --by model --month 2025-02 --db "$sqlite_db"
echo '```'
