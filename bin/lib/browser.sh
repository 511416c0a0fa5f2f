# The browser test's tools: Debian's Chromium (with a font, so text renders without glyph boxes),
# and Playwright for Python, pinned, in a virtual environment of the project's own (.tools/,
# git-ignored). Playwright drives Debian's Chromium; it never downloads a browser of its own.

PLAYWRIGHT_VERSION="1.65.2"
GREENLET_VERSION="3.5.6"
browser_venv="$root/.tools/browser-venv"

ensure_browser() {
    if [ ! -x /usr/lib/chromium/chromium ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            echo "installing chromium and fonts-dejavu-core (for the browser test)..." >&2
            quietly apt-get update -qq && quietly env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                --no-install-recommends chromium fonts-dejavu-core || return 1
        else
            echo "the browser test needs Chromium: run 'sudo apt-get install chromium fonts-dejavu-core'" >&2
            return 1
        fi
    fi
    if [ -x "$browser_venv/bin/python" ] && [ "$("$browser_venv/bin/python" -c \
        'from importlib.metadata import version; print(version("playwright"))' 2>/dev/null)" = "$PLAYWRIGHT_VERSION" ]; then
        return 0
    fi
    echo "installing playwright $PLAYWRIGHT_VERSION into .tools/browser-venv..." >&2
    quietly python3 -m venv "$browser_venv" \
        && quietly "$browser_venv/bin/pip" install --quiet --disable-pip-version-check \
            "playwright==$PLAYWRIGHT_VERSION" "greenlet==$GREENLET_VERSION"
}

# check_pages SITE_DIR SCREENSHOT_DIR PAGE...: see scripts/check-pages.py.
check_pages() {
    "$browser_venv/bin/python" "$root/scripts/check-pages.py" "$@"
}
