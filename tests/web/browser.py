"""Browser test support: a real Chromium (Playwright) against the real app over HTTP."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from notices import create_app
from notices.db import upgrade
from notices.demo import DEMO_CONTACTS
from tests.web.dataset import write_extract
from tests.web.helpers import invoke, serving

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"Chromium is not installed at {CHROMIUM}"
)
needs_axe = pytest.mark.skipif(
    not AXE.exists(), reason=f"{AXE} is missing: run `npm ci` in the checkout"
)


def serve_demo_site(root: Path):
    """Serve 60 generated demo notices plus the web dataset, loaded and indexed (a generator
    for fixtures: yields the base URL)."""
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": f"sqlite:///{root / 'notices.db'}",
            "INDEX_DIR": str(root / "index"),
            "MEDIA_DIR": str(root / "media"),
            "DATA_DIR": str(root / "data"),
        }
    )
    upgrade(app.config["DATABASE_URL"])
    extract = root / "extract"
    invoke(app, ["demo-data", str(extract), "--count", "60", "--seed", "7"])
    write_extract(extract)  # known names to search for, beside the generated ones
    invoke(app, ["load", str(extract), "--full"])
    invoke(app, ["index", "rebuild"])
    invoke(app, ["contacts", "load", str(DEMO_CONTACTS)])  # the fictitious directory
    with serving(app) as base_url:
        yield base_url
    app.extensions["notices"].engine.dispose()


def launch_chromium():
    """A generator for fixtures: yields a launched headless Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, width: int, height: int, **context_options):
    """A page that records console errors (a CSP violation would show up there)."""
    context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    return page


def close_page(page) -> None:
    page.context.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page) -> list[str]:
    """Run axe-core on the page (its context must bypass our CSP to inject the script); one
    line per violation and element, empty when the page passes."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        f"{json.dumps(node['target'])}: {node.get('failureSummary', '')}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]
