"""axe-core 4.x in the real browser, for the accessibility tests and for every page the journeys reach.

axe-core's own script is the one PyPI's axe-playwright-python ships (its axe.min.js); Selenium injects it
into the page and runs it, so no Playwright browser is needed. Only "serious" and "critical" violations fail.
Every journey page is checked once per page shape (ids replaced by "{id}") and viewport, so a journey run at
desktop and at phone width has each of its pages checked in both.
"""

from __future__ import annotations

import json
import re
from importlib import resources

FAILING_IMPACTS = {"serious", "critical"}

try:
    import axe_playwright_python as _axe_package
    AXE_SOURCE = resources.files(_axe_package).joinpath("axe.min.js").read_text(encoding="utf-8")
except ImportError:  # the accessibility test module skips itself; journeys then check nothing
    AXE_SOURCE = None

UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")
_checked: set[tuple[str, str]] = set()
findings: list[str] = []


def run_axe(driver) -> dict:
    driver.execute_script(AXE_SOURCE)
    driver.set_script_timeout(60)
    return json.loads(driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r)); })"
        ".catch(function (e) { done(JSON.stringify({error: String(e)})); });"))


def report(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v.get('impact')}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node.get('target')}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)


def serious(results) -> list:
    return [v for v in results.get("violations", []) if v.get("impact") in FAILING_IMPACTS]


def check_journey_page(driver, viewport: str):
    """Check the page the browser is on, once per page shape and viewport; remember what fails."""
    if AXE_SOURCE is None:
        return
    path = UUID.sub("{id}", driver.current_url.split("://", 1)[-1].split("/", 1)[-1].split("#")[0])
    key = (viewport, re.sub(r"\?.*", "", path))
    if key in _checked:
        return
    _checked.add(key)
    results = run_axe(driver)
    if "error" in results:
        findings.append(f"{viewport} /{key[1]}: axe could not run: {results['error']}")
        return
    bad = serious(results)
    if bad:
        findings.append(f"{viewport} /{key[1]} ({driver.current_url}):\n" + report(bad))


def pages_checked() -> int:
    return len(_checked)
