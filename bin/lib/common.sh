# Shared set-up for bin/deploycat and bin/test: the system SQLite headers and the Swift toolchain.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# GRDB builds against the system SQLite, which needs libsqlite3-dev.
ensure_sqlite_headers() {
    if [ -f /usr/include/sqlite3.h ]; then
        return 0
    fi
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing libsqlite3-dev (SQLite headers for GRDB)..." >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev >&2
    else
        echo "deploycat needs the SQLite development files: run 'sudo apt-get install libsqlite3-dev'" >&2
        return 1
    fi
}

ensure_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "deploycat needs Swift 6.1 or newer on PATH (https://www.swift.org/install/)" >&2
        return 1
    fi
}
