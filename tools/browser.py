"""Debian's Chromium driven by Playwright, and how to tell that Streamlit finished a run.

Never ``playwright install``: it downloads a browser, which fails here; /usr/bin/chromium is used.
"""

from __future__ import annotations

import os

from playwright.sync_api import Page

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium calls Google's hosts at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def on_loopback(url: str) -> bool:
    """Whether a request stays on this machine (the app and the tools' own hosts on loopback)."""
    return url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))


# Streamlit has finished a run: connected, script not running, no "Running..." widget.
SCRIPT_IDLE_JS = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && !document.querySelector('[data-testid="stStatusWidget"]');
}
"""

# A plotly chart a reader can see: its marks drawn, and shown. Marks alone are not enough:
# Streamlit draws each chart once hidden, before it knows the chart's width, and shows it only
# when it draws it again at that width (50-250 ms later).
CHART_SHOWN_JS = ("p => !!p.querySelector('.main-svg path, .main-svg .point')"
                  " && getComputedStyle(p).visibility === 'visible'")

# Every plotly chart on the page is drawn and shown (true on a page without charts).
CHARTS_DRAWN_JS = f"""
() => Array.from(document.querySelectorAll('.js-plotly-plot')).every({CHART_SHOWN_JS})
"""

# At least ``count`` plotly charts on the page, every one drawn and shown (``arg=count``).
CHARTS_COUNT_DRAWN_JS = f"""
count => document.querySelectorAll('.js-plotly-plot').length >= count
  && ({CHARTS_DRAWN_JS.strip()})()
"""


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def wait_until_idle(page: Page, timeout_ms: int = 30_000) -> None:
    """Wait until the script finished, twice 300 ms apart (a run may trigger another)."""
    page.locator('[data-testid="stApp"]').wait_for(state="attached", timeout=timeout_ms)
    page.wait_for_function(SCRIPT_IDLE_JS, timeout=timeout_ms)
    page.wait_for_timeout(300)
    page.wait_for_function(SCRIPT_IDLE_JS, timeout=timeout_ms)
