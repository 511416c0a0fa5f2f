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
