# A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, listening
# only on a Unix socket in that folder, stopped and removed when the script exits. PostgreSQL
# refuses to run as root, so as root it runs as the `postgres` user.

# Puts Debian's PostgreSQL programs (initdb, pg_ctl) on PATH, installing the package when missing.
ensure_postgres() {
    local bin
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            echo "installing postgresql (a throwaway server for the tests)..." >&2
            quietly apt-get update -qq && quietly env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql \
                || return 1
            bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
        else
            echo "the tests need PostgreSQL's server programs: run 'sudo apt-get install postgresql'" >&2
            return 1
        fi
    fi
    PATH="$bin:$PATH"
}

# Runs a command as the server's owner: `postgres` when this script is root, else this user.
as_postgres_owner() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Starts a server in a new folder and sets DEPLOYCAT_TEST_POSTGRES to its connection (socket
# folder, user and database, as a URL). Stop it with stop_test_postgres.
start_test_postgres() {
    test_postgres_dir="$(mktemp -d /tmp/deploycat-pg.XXXXXX)"
    [ "$(id -u)" = "0" ] && chown postgres "$test_postgres_dir"
    as_postgres_owner initdb -D "$test_postgres_dir/data" -U deploycat -A trust --no-sync -E UTF8 --locale C.UTF-8 \
        > "$test_postgres_dir/initdb.log" 2>&1 || { cat "$test_postgres_dir/initdb.log" >&2; return 1; }
    as_postgres_owner pg_ctl -D "$test_postgres_dir/data" -l "$test_postgres_dir/server.log" -w -t 30 \
        -o "-k $test_postgres_dir -c listen_addresses= -c fsync=off -c max_connections=50" start > /dev/null \
        || { cat "$test_postgres_dir/server.log" >&2; return 1; }
    export DEPLOYCAT_TEST_POSTGRES="postgres://deploycat@/postgres?host=$test_postgres_dir"
}

stop_test_postgres() {
    if [ -n "${test_postgres_dir:-}" ] && [ -d "$test_postgres_dir" ]; then
        as_postgres_owner pg_ctl -D "$test_postgres_dir/data" -m immediate stop > /dev/null 2>&1 || true
        rm -rf "$test_postgres_dir"
    fi
}
