# A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder, listening on a
# Unix socket in that folder and on a random loopback port, stopped and removed when the script
# exits. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user. Its
# databases sort text with ICU's English rules ignoring punctuation (`ab-c` after `abb`), as many
# servers do, so a query that leaves its order to the collation shows up in the tests.

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

# Starts a server in a new folder and exports its addresses for the tests:
# - DEPLOYCAT_TEST_POSTGRES: a URL to its maintenance database through a Unix socket in that
#   folder, as the user deploycat, with no password (trust);
# - DEPLOYCAT_TEST_POSTGRES_PORT: a random loopback TCP port where the connection tests log in as
#   `secret` (password s3cret) or `tlsonly` (TLS only; the server has a self-signed certificate).
# Stop it with stop_test_postgres.
start_test_postgres() {
    test_postgres_dir="$(mktemp -d /tmp/deploycat-pg.XXXXXX)"
    local dir="$test_postgres_dir" port
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    [ "$(id -u)" = "0" ] && chown postgres "$dir"
    as_postgres_owner initdb -D "$dir/data" -U deploycat -A trust --no-sync -E UTF8 --locale C.UTF-8 \
        --locale-provider icu --icu-locale en-US-u-ka-shifted \
        > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
    as_postgres_owner openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
        -keyout "$dir/data/server.key" -out "$dir/data/server.crt" > "$dir/openssl.log" 2>&1 \
        || { cat "$dir/openssl.log" >&2; return 1; }
    as_postgres_owner tee "$dir/data/pg_hba.conf" > /dev/null <<'HBA'
local     all  all        trust
host      all  deploycat  127.0.0.1/32  trust
host      all  secret     127.0.0.1/32  scram-sha-256
hostssl   all  tlsonly    127.0.0.1/32  trust
HBA
    as_postgres_owner pg_ctl -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-k $dir -c listen_addresses=127.0.0.1 -p $port -c fsync=off -c max_connections=60 -c ssl=on" start \
        > /dev/null || { cat "$dir/server.log" >&2; return 1; }
    export DEPLOYCAT_TEST_POSTGRES="postgres://deploycat@/postgres?host=$dir&port=$port"
    export DEPLOYCAT_TEST_POSTGRES_PORT="$port"
    psql -q -v ON_ERROR_STOP=1 "$DEPLOYCAT_TEST_POSTGRES" \
        -c "CREATE ROLE secret LOGIN CREATEDB PASSWORD 's3cret'" -c "CREATE ROLE tlsonly LOGIN CREATEDB" > /dev/null
}

stop_test_postgres() {
    if [ -n "${test_postgres_dir:-}" ] && [ -d "$test_postgres_dir" ]; then
        as_postgres_owner pg_ctl -D "$test_postgres_dir/data" -m immediate stop > /dev/null 2>&1 || true
        rm -rf "$test_postgres_dir"
    fi
}
