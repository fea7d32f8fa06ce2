"""``make screenshots``: a PNG of every page and every embedded chart, in both languages, at
desktop and phone widths, into one folder for review.

Streamlit scrolls inside its own container, so a "full page" browser screenshot would stop at the
viewport: each shot first grows the viewport to the content's height.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from components.registry import CHARTS, PAGES, link_path
from components.text.i18n import LANGS
from tools import app_server
from tools import browser as chromium

VIEWPORTS = {"desktop": chromium.DESKTOP, "phone": chromium.PHONE}
MAX_HEIGHT = 12_000


def shoot(page, url: str, path: Path, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    page.goto(url, wait_until="domcontentloaded")
    chromium.wait_until_idle(page)
    page.wait_for_function(chromium.CHARTS_DRAWN_JS, timeout=30_000)
    page.wait_for_timeout(800)  # plotly transitions and fonts
    height = page.locator('[data-testid="stMainBlockContainer"]').evaluate(
        "b => Math.ceil(b.getBoundingClientRect().bottom)")
    page.set_viewport_size({"width": viewport["width"],
                            "height": min(max(height + 40, viewport["height"]), MAX_HEIGHT)})
    page.wait_for_timeout(500)
    page.screenshot(path=str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=app_server.PROJECT_ROOT / "screenshots")
    parser.add_argument("--only", help="only URLs containing this text (e.g. map, embed)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    try:
        server = app_server.start(args.out / "server.log")
    except app_server.AppServerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    targets = [(f"{page.url_path}-{lang}", f"/{link_path(page)}?lang={lang}")
               for page in PAGES for lang in LANGS]
    targets += [(f"embed-{spec.chart_id}-{lang}", f"/?embed=true&chart={spec.chart_id}&lang={lang}")
                for spec in CHARTS for lang in LANGS]
    targets = [(name, url) for name, url in targets if not args.only or args.only in name]
    shots = [(name, url, size) for name, url in targets for size in VIEWPORTS]
    try:
        with sync_playwright() as playwright:
            browser = chromium.launch(playwright)
            page = browser.new_page()
            # Nothing may leave the machine: abort anything not addressed to loopback.
            page.route("**/*", lambda route: route.continue_()
                       if chromium.on_loopback(route.request.url) else route.abort())
            for number, (name, url, size) in enumerate(shots, start=1):
                path = args.out / f"{name}-{size}.png"
                print(f"[{number}/{len(shots)}] {path.name}", flush=True)
                shoot(page, server.url + url, path, VIEWPORTS[size])
            browser.close()
    finally:
        app_server.stop(server)
    print(f"wrote {len(shots)} screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
