#!/usr/bin/env bash
# Makes the first-release fixture the upgrade test opens: a catalog written by the first released
# deploycat (commit 5df5d6f: the catalog, apps and template versions; schema steps 0001 and 0002).
#
#   scripts/make-first-release-fixture.sh OLD_DEPLOYCAT
#
# OLD_DEPLOYCAT is that commit's binary, built from a checkout of it:
#   git worktree add /tmp/first-release 5df5d6f && (cd /tmp/first-release && swift build --product deploycat)
# It applies that release's examples, synthesizes them, changes a spec (a second version), deletes
# an app and changes a price, then writes into Tests/DeployCatCLITests/Fixtures/first-release/:
#   first-release.sqlite.gz   the catalog, its write-ahead log checkpointed into the file, gzipped
#   expected/*.txt            what that binary printed for apps, versions and templates, which the
#                             upgrade test compares with what today's deploycat prints
set -euo pipefail
old="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixture="$root/Tests/DeployCatCLITests/Fixtures/first-release"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
git -C "$root" archive 5df5d6f examples | tar -x
export DEPLOYCAT_DB="$work/catalog.sqlite"

"$old" apply -f examples > /dev/null
"$old" synth --all > /dev/null
# A second spec revision of support-chat, and its versions.
sed 's/MAX_TOKENS: "1024"/MAX_TOKENS: "2048"/' examples/support-chat.yaml > support-chat.yaml
"$old" apply -f support-chat.yaml > /dev/null
"$old" synth support-chat > /dev/null
"$old" apps delete catalog-search > /dev/null
printf 'prices:\n  - modelId: amazon.nova-micro-v1:0\n    inputPer1k: 0.00004\n    outputPer1k: 0.00016\n' > prices.yaml
"$old" catalog apply -f prices.yaml > /dev/null

rm -rf "$fixture/expected"
mkdir -p "$fixture/expected"
"$old" apps list > "$fixture/expected/apps-list.txt"
"$old" versions support-chat > "$fixture/expected/versions-support-chat.txt"
"$old" versions catalog-search > "$fixture/expected/versions-catalog-search.txt"
"$old" template support-chat --region eu-west-1 --version 1 > "$fixture/expected/support-chat-eu-west-1-v1.json"
"$old" template support-chat --region eu-west-1 --version 2 > "$fixture/expected/support-chat-eu-west-1-v2.json"
python3 - "$work/catalog.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
db.close()
PY
gzip -9 -n -c "$work/catalog.sqlite" > "$fixture/first-release.sqlite.gz"
ls -l "$fixture/first-release.sqlite.gz" "$fixture/expected"
