# checkov, pinned, in a virtual environment of the project's own (.tools/, git-ignored).

CHECKOV_VERSION="3.3.30"

ensure_checkov() {
    local venv="$root/.tools/checkov-venv"
    if [ -x "$venv/bin/checkov" ] && [ "$("$venv/bin/checkov" --version 2>/dev/null)" = "$CHECKOV_VERSION" ]; then
        return 0
    fi
    echo "installing checkov $CHECKOV_VERSION into .tools/checkov-venv..." >&2
    quietly python3 -m venv "$venv" \
        && quietly "$venv/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
}

# Checks CloudFormation templates offline (no download of Prisma Cloud's guidelines, no upload)
# and writes checkov's JSON report to stdout. Exceptions are only those in each resource's
# Metadata.checkov.skip, each with its reason; no check is turned off here.
checkov_templates() {
    local files=() file
    for file in "$@"; do files+=(--file "$file"); done
    "$root/.tools/checkov-venv/bin/checkov" --framework cloudformation --skip-download --quiet \
        --output json "${files[@]}"
}

# Reads checkov's JSON report on stdin: prints "PASSED FAILED SKIPPED UNREADABLE" (checks, and
# templates checkov could not parse) on the first line, then one line per failed check (file:
# resource: id name) or unreadable template.
checkov_summary() {
    "$root/.tools/checkov-venv/bin/python" -c '
import json, sys
data = json.load(sys.stdin)
reports = data if isinstance(data, list) else [data]
passed = failed = skipped = unreadable = 0
failures = []
for report in reports:
    summary = report.get("summary", {})
    passed += summary.get("passed", 0)
    failed += summary.get("failed", 0)
    skipped += summary.get("skipped", 0)
    unreadable += summary.get("parsing_errors", 0)
    failures += [f"{path}: checkov could not parse it" for path in report.get("results", {}).get("parsing_errors", [])]
    for check in report.get("results", {}).get("failed_checks", []):
        where, resource, check_id, name = check["file_path"], check["resource"], check["check_id"], check["check_name"]
        failures.append(f"{where}: {resource}: {check_id} {name}")
print(passed, failed, skipped, unreadable)
print("\n".join(sorted(failures)))
'
}
