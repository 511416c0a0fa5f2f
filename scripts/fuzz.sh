#!/usr/bin/env bash
# Coverage-guided fuzzing of one reader with libFuzzer, under AddressSanitizer.
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: spec, catalog, listings, tag-policy, billing
#
# Builds the `deploycat-fuzz` executable in .build/fuzz (declared only when DEPLOYCAT_FUZZ=1, so
# `swift build` and bin/test never build it): every Swift module with AddressSanitizer and
# libFuzzer's coverage instrumentation, linked with libFuzzer's runtime without its main. Seeds
# come from the hostile corpus (Tests/Corpus/hostile/READER) and the examples; inputs that
# widen coverage collect in .build/fuzz/corpus/TARGET. A crash, timeout or out-of-memory input
# is copied into the hostile corpus as a regression input (fuzz-KIND-HASH.EXT), which the
# corpus test (HostileInputTests) then runs through the command line; the script exits 1.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

target="${1:-}"
seconds="${2:-}"
case "$target" in
    spec) reader=spec; ext=yaml ;;
    catalog) reader=catalog; ext=yaml ;;
    listings) reader=listings; ext=json ;;
    tag-policy) reader=tag-policy; ext=json ;;
    billing) reader=billing; ext=csv ;;
    *) echo "usage: scripts/fuzz.sh spec|catalog|listings|tag-policy|billing SECONDS" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh $target SECONDS" >&2; exit 2; }

resources="$(dirname "$(dirname "$(command -v swiftc)")")/lib/clang"
runtime="$(ls "$resources"/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -n 1 || true)"
[[ -n "$runtime" ]] || { echo "error: libFuzzer's runtime (libclang_rt.fuzzer_no_main) is not in $resources" >&2; exit 1; }

echo "building deploycat-fuzz (.build/fuzz/build.log)" >&2
if ! DEPLOYCAT_FUZZ=1 swift build --build-path .build/fuzz --product deploycat-fuzz --sanitize address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
    -Xlinker "$runtime" -Xlinker -lstdc++ > .build/fuzz-build.log 2>&1; then
    grep -v '^\[[0-9]*/[0-9]*\] ' .build/fuzz-build.log >&2 || true
    exit 1
fi
mkdir -p .build/fuzz && mv .build/fuzz-build.log .build/fuzz/build.log
binary="$(DEPLOYCAT_FUZZ=1 swift build --build-path .build/fuzz --show-bin-path)/deploycat-fuzz"

work=".build/fuzz/corpus/$target"
artifacts=".build/fuzz/artifacts/$target"
hostile="Tests/Corpus/hostile/$reader"
mkdir -p "$work" "$artifacts" "$hostile"
seeds=("$hostile")
case "$target" in
    spec) seeds+=(examples) ;;
    catalog) seeds+=(Tests/CatalogServiceTests/Fixtures) ;;
    listings) seeds+=(Tests/CatalogServiceTests/Fixtures) ;;
    tag-policy) seeds+=(examples/tags) ;;
    billing) seeds+=(Tests/CatalogServiceTests/Fixtures) ;;
esac

log=".build/fuzz/$target.log"
echo "fuzzing $target for $seconds s (log: $log)" >&2
status=0
ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 DEPLOYCAT_FUZZ_TARGET="$target" \
    timeout -s KILL $((seconds + 120)) "$binary" "$work" "${seeds[@]}" \
    -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 > "$log" 2>&1 || status=$?

found=0
for artifact in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
    [[ -f "$artifact" ]] || continue
    name="$(basename "$artifact")"
    kind="${name%%-*}"
    hash="$(sha1sum "$artifact" | cut -c1-12)"
    suffix="$ext"
    if [[ "$ext" != csv ]] && head -c 64 "$artifact" | grep -q '^[[:space:]]*[[{]'; then suffix=json; fi
    cp "$artifact" "$hostile/fuzz-$kind-$hash.$suffix"
    echo "finding: $hostile/fuzz-$kind-$hash.$suffix" >&2
    rm "$artifact"
    found=$((found + 1))
done

grep -E '^stat::|^#[0-9]+.*(DONE|pulse)' "$log" | tail -n 8 >&2 || true
if ((found > 0)); then
    echo "$found finding(s) saved to $hostile; fix them and run swift test --filter HostileInputTests" >&2
    exit 1
fi
if ((status != 0)); then
    echo "libFuzzer exited with status $status; see $log" >&2
    exit 1
fi
