# Shared by the benchmark scripts.

# The median wall time of `runs` runs of a command, in milliseconds. When `before_each` is set,
# it runs (untimed) before every run.
median_ms() {
    local times=()
    for _ in $(seq "$runs"); do
        if [ -n "${before_each:-}" ]; then eval "$before_each"; fi
        local start end
        start=$(date +%s%N)
        "$@" > /dev/null 2>&1
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] / 1000 }'
}

# Copies a catalog with its -wal and -shm files: the last writes may still be in the WAL (a
# process that ends does not always checkpoint), so copying the main file alone can lose them.
copy_database() {
    local from="$1" to="$2" file
    rm -f "$to" "$to-wal" "$to-shm"
    for file in "$from" "$from-wal" "$from-shm"; do
        if [ -e "$file" ]; then cp "$file" "$to${file#"$from"}"; fi
    done
    # The copy reaches the disk now: otherwise the measured command's first fsync (a WAL
    # checkpoint) would write the whole fresh copy, set-up billed to the command (a 220 MB copy
    # made `regenerate` of 100 apps take 290 ms instead of 120 ms).
    sync "$to"*
}

# What every script starts with: a scratch folder `$work`, removed on exit, and `$binary`, the
# release build (built when needed), or the binary `$DEPLOYCAT_BINARY` names to compare another.
bench_setup() {
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    cd "$root"
    "$root/bin/deploycat" --version > /dev/null
    binary="${DEPLOYCAT_BINARY:-$root/.build/release/deploycat}"
}

# For the scripts that compare the engines: starts a throwaway PostgreSQL server (stopped, and
# `$work` removed, on exit) and sets `$server`, its URL.
two_engine_setup() {
    ensure_postgres
    start_test_postgres
    trap 'stop_test_postgres; rm -rf "$work"' EXIT
    server="$DEPLOYCAT_TEST_POSTGRES"
}

# The URL of database $1 on the server.
url() { echo "${server/\/postgres\?//$1?}"; }

# psql on the server, stopping at the first error.
sql() { PGOPTIONS='-c client_min_messages=warning' psql -q -v ON_ERROR_STOP=1 "$server" "$@"; }

# A new database $1 made from template $2 (a file copy on the server), or an empty one.
new_database() { sql -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1${2:+ TEMPLATE $2}"; }

# One table row: a label, then for each engine the database and the set-up (untimed, before
# each run), then the command's arguments (run with `--db DB`): the median on each engine.
row() {
    local label="$1" sqlite_db="$2" sqlite_before="$3" postgres_db="$4" postgres_before="$5"
    shift 5
    before_each="$sqlite_before"
    local sqlite_ms postgres_ms
    sqlite_ms=$(median_ms "$binary" "$@" --db "$sqlite_db")
    before_each="$postgres_before"
    postgres_ms=$(median_ms "$binary" "$@" --db "$postgres_db")
    printf '| %s | %s ms | %s ms |\n' "$label" "$sqlite_ms" "$postgres_ms"
}
