#!/usr/bin/env python3
"""Loads pages of the static site `deploycat report html` writes in headless Chromium, from file://,
and checks that each one renders on its own.

Usage: check-pages.py SITE_DIR SCREENSHOT_DIR PAGE...   (each PAGE relative to SITE_DIR)

Each page is checked three times: with JavaScript at 1280x900 and at 380x800, then without
JavaScript at 380x800. A check fails on
- a console message of type error, or an uncaught exception in the page;
- a request that fails, goes anywhere but file:// (the site makes no network requests; such a
  request is stopped before it leaves), or reads a file outside SITE_DIR;
- a body whose rendered height is zero;
- a page wider than the window (documentElement.scrollWidth > the width): a wide table has to
  scroll inside its own container, not move the whole page;
- with JavaScript, a filter form (form#filters, the routing map's) that stays hidden, or whose
  first team leaves as many apps matching as all teams do (when there are two teams or more).
The two checks with JavaScript save a full-page screenshot as
SCREENSHOT_DIR/<PAGE with / as _ and without .html>-<width>.png.

Each failure is one line on stderr (page, width, what failed); the last line on stdout is
`browser: N passed, M failed`, counting checks (pages x 3). Exits 1 when any check failed.

Runs Debian's Chromium (/usr/lib/chromium/chromium, or $CHROMIUM) through Playwright, which
never downloads a browser of its own here.
"""
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

# (label, width, height, JavaScript enabled, screenshot)
MODES = [
    ("1280 px", 1280, 900, True, True),
    ("380 px", 380, 800, True, True),
    ("380 px without JavaScript", 380, 800, False, False),
]
TIMEOUT_MS = 30_000

# Measured in the page after it loaded (the driver's evaluate runs even with the page's
# JavaScript disabled).
MEASURE = """() => ({
    bodyHeight: document.body
        ? Math.max(document.body.getBoundingClientRect().height, document.body.scrollHeight)
        : 0,
    scrollWidth: document.documentElement.scrollWidth,
})"""


def chromium_path():
    for candidate in (os.environ.get("CHROMIUM"), "/usr/lib/chromium/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("check-pages.py: no Chromium found (install Debian's chromium, or set CHROMIUM)")


def screenshot_name(page, width):
    stem = page[: -len(".html")] if page.endswith(".html") else page
    return f"{stem.replace('/', '_')}-{width}.png"


def check(browser, site, page, mode, shots):
    """Runs one check; returns the list of what failed (empty when it passed)."""
    label, width, height, javascript, screenshot = mode
    problems = []
    stopped = set()  # requests stopped or failed, reported once each
    path = site / page
    if not path.is_file():
        return [f"{path} does not exist"]

    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=javascript)
    context.set_default_timeout(TIMEOUT_MS)
    try:
        def route(request_route):
            url = request_route.request.url
            scheme = urlparse(url).scheme
            if scheme == "file":
                target = Path(unquote(urlparse(url).path)).resolve()
                if target == site or site in target.parents:
                    request_route.continue_()
                    return
                problems.append(f"reads a file outside the site: {url}")
            else:
                problems.append(f"network request: {url}")
            stopped.add(url)
            request_route.abort()

        def request_failed(request):
            if request.url not in stopped:
                stopped.add(request.url)
                problems.append(f"request failed ({request.failure}): {request.url}")

        def console(message):
            # Chromium also logs each failed request ("Failed to load resource"): reported above.
            if message.type == "error" and message.location.get("url") not in stopped:
                problems.append(f"console error: {message.text}")

        context.route("**/*", route)
        tab = context.new_page()
        tab.on("console", console)
        tab.on("pageerror", lambda error: problems.append(f"uncaught exception: {error}"))
        tab.on("requestfailed", request_failed)
        tab.goto(path.as_uri(), wait_until="load")
        # Let what the load started (timers at 0, promise callbacks) run and report.
        tab.wait_for_timeout(100)

        measured = tab.evaluate(MEASURE)
        if measured["bodyHeight"] <= 0:
            problems.append("renders nothing: the body's height is 0")
        if measured["scrollWidth"] > width:
            problems.append(f"the page is {measured['scrollWidth']} px wide, wider than the {width} px window")
        if javascript:
            problems += check_filter(tab)
        if screenshot:
            tab.screenshot(path=str(shots / screenshot_name(page, width)), full_page=True)
    except PlaywrightError as error:
        problems.append(f"could not be checked: {error.message.splitlines()[0]}")
    finally:
        context.close()
    return problems


def check_filter(tab):
    """With JavaScript the filter form shows, and choosing one team narrows what matches."""
    form = tab.query_selector("form#filters")
    if form is None:
        return []
    if not form.is_visible():
        return ["the filter form stays hidden with JavaScript"]
    teams = tab.eval_on_selector_all("form#filters select[name=team] option", "options => options.map(o => o.value)")
    teams = [team for team in teams if team]
    if len(teams) < 2:
        return []
    everything = tab.inner_text("#match-count")
    tab.select_option("form#filters select[name=team]", teams[0])
    narrowed = tab.inner_text("#match-count")
    tab.select_option("form#filters select[name=team]", "")
    matching = lambda text: int(text.split(" ")[0].replace(",", "")) if text and text[0].isdigit() else -1
    if not 0 < matching(narrowed) < matching(everything):
        return [f"choosing team {teams[0]} in the filter does not narrow the apps: {everything!r} -> {narrowed!r}"]
    return []


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__.split("\n\n")[1])
    site = Path(argv[1]).resolve()
    shots = Path(argv[2])
    pages = argv[3:]
    shots.mkdir(parents=True, exist_ok=True)

    passed = failed = 0
    with sync_playwright() as playwright:
        # As root Chromium's sandbox cannot start (Playwright passes --no-sandbox by default; it is
        # said here too). Small /dev/shm mounts make Chromium crash: use /tmp instead.
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            headless=True,
            args=["--no-sandbox", "--disable-dev-shm-usage"],
        )
        try:
            for page in pages:
                for mode in MODES:
                    problems = check(browser, site, page, mode, shots)
                    for problem in problems:
                        print(f"{page} at {mode[0]}: {problem}", file=sys.stderr)
                    if problems:
                        failed += 1
                    else:
                        passed += 1
        finally:
            browser.close()
    print(f"browser: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
