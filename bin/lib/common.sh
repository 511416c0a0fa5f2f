# Shared set-up for bin/deploycat and bin/test: the system SQLite headers, the Swift toolchain and
# the release build. Tools' own output is kept out of the way and shown only when a step fails.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Runs a command with its output (both streams) kept in a temporary file, which is printed to
# stderr only when the command fails. Returns the command's status.
quietly() {
    local log status=0
    log="$(mktemp)"
    "$@" > "$log" 2>&1 || status=$?
    if [ "$status" -ne 0 ]; then
        grep -v '^\[[0-9]*/[0-9]*\] ' "$log" >&2 || true
        echo "failed ($status): $*" >&2
    fi
    rm -f "$log"
    return "$status"
}

# GRDB builds against the system SQLite, which needs libsqlite3-dev; reading gzip-compressed
# billing exports links the system zlib, which needs zlib1g-dev.
ensure_sqlite_headers() {
    if [ -f /usr/include/sqlite3.h ] && [ -f /usr/include/zlib.h ]; then
        return 0
    fi
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing libsqlite3-dev and zlib1g-dev (SQLite headers for GRDB, zlib's for gzip)..." >&2
        quietly apt-get update -qq \
            && quietly env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev zlib1g-dev
    else
        echo "deploycat needs the SQLite and zlib development files: run 'sudo apt-get install libsqlite3-dev zlib1g-dev'" >&2
        return 1
    fi
}

ensure_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        echo "deploycat needs Swift 6.1 or newer on PATH (https://www.swift.org/install/)" >&2
        return 1
    fi
}

release_binary="$root/.build/release/deploycat"

# Builds the release binary when it is missing or older than a source file.
ensure_release_binary() {
    if [ -x "$release_binary" ] && [ -z "$(find "$root/Sources" "$root/migrations" "$root/Package.swift" \
        -newer "$release_binary" -print -quit)" ]; then
        return 0
    fi
    ensure_swift && ensure_sqlite_headers || return 1
    echo "building deploycat (release; 5-15 minutes the first time on 2 cores, seconds afterwards)..." >&2
    (cd "$root" && quietly swift build -c release --product deploycat)
    # A source the binary does not use (the benchmark's) leaves it unlinked: mark it current.
    touch "$release_binary"
}
