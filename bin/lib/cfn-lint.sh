# cfn-lint, pinned, in a virtual environment of the project's own (.tools/, git-ignored).

CFN_LINT_VERSION="1.51.0"

ensure_cfn_lint() {
    local venv="$root/.tools/venv"
    if [ -x "$venv/bin/cfn-lint" ] && "$venv/bin/cfn-lint" --version 2>/dev/null | grep -qx "cfn-lint $CFN_LINT_VERSION"; then
        return 0
    fi
    echo "installing cfn-lint $CFN_LINT_VERSION into .tools/venv..." >&2
    quietly python3 -m venv "$venv" \
        && quietly "$venv/bin/pip" install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION"
}

cfn_lint() {
    "$root/.tools/venv/bin/cfn-lint" "$@"
}
