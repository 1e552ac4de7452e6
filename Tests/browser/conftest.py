"""Shared fixtures for Safeguard's real-browser journey tests.

* ``server`` (session scope) starts ``safeguard serve --demo`` on a free port
  with a fresh temporary SQLite database, waits until it is ready, parses the
  demo sign-ins it prints and stops it at the end. It has two parameters,
  ``desktop`` and ``phone``: every test runs once at 1280px and once on a 375px
  phone, each against its own fresh demo.
* ``driver`` (per test) is a headless Debian Chromium driven by Selenium, at the
  server's viewport. Every page a journey reaches through ``pages`` is checked
  with axe-core 4.x (``axe_check``); a serious finding fails the test.
* When a test fails, a PNG screenshot and the page source are written to
  ``<repo>/screenshots/``.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "screenshots"
DEMO_DOMAIN = "@demo.safeguard.test"
READY_TIMEOUT = 120  # seconds for migrations + demo data + "Safeguard is running"
BINARY_WAIT = 60  # seconds to wait for the binary if the lead is mid-rebuild
# e.g. "  MASH practitioner      mash.practitioner@demo.safeguard.test      Demo-Meadow-Tandem-54"
SIGN_IN_LINE = re.compile(
    r"^\s{2}(?P<role>\S.*?)\s{2,}(?P<email>\S+" + re.escape(DEMO_DOMAIN) + r")\s+(?P<password>\S+)\s*$"
)


@dataclass
class Login:
    role: str
    email: str
    password: str


@dataclass
class Server:
    base_url: str
    logins: dict[str, Login]
    output: list[str] = field(default_factory=list)
    viewport: str = "desktop"

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def login(self, local_part: str) -> Login:
        """Look up a demo login by the part of the email before the @."""
        email = local_part if "@" in local_part else local_part + DEMO_DOMAIN
        try:
            return self.logins[email]
        except KeyError:
            raise AssertionError(
                f"The demo server did not print a sign-in for {email}; it printed: {sorted(self.logins)}"
            ) from None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _binary() -> Path:
    path = Path(os.environ.get("SAFEGUARD_BIN", ".build/debug/safeguard"))
    if not path.is_absolute():
        path = REPO_ROOT / path
    # The binary may briefly vanish while it is being rebuilt.
    deadline = time.monotonic() + BINARY_WAIT
    while not (path.is_file() and os.access(path, os.X_OK)):
        if time.monotonic() > deadline:
            pytest.exit(f"Safeguard binary not found at {path} (set SAFEGUARD_BIN)", returncode=2)
        time.sleep(1)
    return path


def _health_ok(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(base_url + "health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


VIEWPORTS = {"desktop": (1280, 1000), "phone": (375, 812)}


@pytest.fixture(scope="session", params=list(VIEWPORTS))
def server(request):
    binary = _binary()
    tmp = Path(tempfile.mkdtemp(prefix="safeguard-browser-"))
    port = _free_port()
    log_path = tmp / "server.log"
    command = [str(binary), "serve", "--demo", "--port", str(port), "--database", str(tmp / "db.sqlite")]
    process = subprocess.Popen(
        command,
        cwd=REPO_ROOT,  # (the stylesheet ships beside the binary; the folder no longer matters)
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        start_new_session=True,
    )
    output: list[str] = []
    ready = threading.Event()

    def pump():
        with open(log_path, "w", encoding="utf-8") as log:
            for line in process.stdout:
                output.append(line.rstrip("\n"))
                log.write(line)
                log.flush()
                if "Safeguard is running" in line:
                    ready.set()

    threading.Thread(target=pump, daemon=True).start()

    def stop():
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)

    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while not ready.wait(0.25):
            if process.poll() is not None:
                raise RuntimeError(
                    f"safeguard exited with {process.returncode} before it was ready:\n" + "\n".join(output[-40:])
                )
            if time.monotonic() > deadline:
                raise RuntimeError("safeguard was not ready within 120 s:\n" + "\n".join(output[-40:]))
        running = next(line for line in output if "Safeguard is running" in line)
        match = re.search(r"(http://\S+?)/?(?:\s|$)", running)
        base_url = (match.group(1) if match else f"http://127.0.0.1:{port}").rstrip("/") + "/"
        while not _health_ok(base_url):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{base_url}health never answered 200:\n" + "\n".join(output[-40:]))
            time.sleep(0.25)

        logins = {}
        for line in output:
            found = SIGN_IN_LINE.match(line)
            if found:
                logins[found["email"]] = Login(found["role"].strip(), found["email"], found["password"])
        if not logins:
            raise RuntimeError("No demo sign-ins found in the server output:\n" + "\n".join(output[-40:]))

        yield Server(base_url=base_url, logins=logins, output=output, viewport=request.param)
    finally:
        stop()
        if os.environ.get("SAFEGUARD_KEEP_TMP"):
            print(f"\nBrowser-test server data kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def _chrome_options(viewport: str) -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    width, height = VIEWPORTS[viewport]
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={max(width, 500)},{height}",
                     "--disable-dev-shm-usage", "--lang=en-GB"):
        options.add_argument(argument)
    if viewport == "phone":
        # A phone's viewport, whatever the window: 375 CSS pixels wide, touch, a mobile user agent.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2.0}})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console errors, CSP violations
    chromium = os.environ.get("CHROMIUM_BIN") or shutil.which("chromium")
    if chromium:
        options.binary_location = chromium
    return options


class SafeguardChrome(webdriver.Chrome):
    """Chrome that checks each page a test opens by address, as ``pages`` checks each page it clicks to."""

    def get(self, url):
        super().get(url)
        from pages import after_navigation
        after_navigation(self)


@pytest.fixture
def driver(server):
    import axe_check
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    browser = SafeguardChrome(service=service, options=_chrome_options(server.viewport))
    browser.safeguard_viewport = server.viewport
    browser.set_page_load_timeout(30)
    browser.set_script_timeout(30)
    before = len(axe_check.findings)
    yield browser
    browser.quit()
    new = axe_check.findings[before:]
    if new:
        pytest.fail("axe-core found serious accessibility problems on pages this test reached:\n" + "\n".join(new))


def _safe_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("/")[-1]).strip("_")


def save_page(browser, name: str) -> Path:
    """Write a screenshot and the page source of what the browser shows."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    png = SCREENSHOT_DIR / f"{name}.png"
    # Capture the whole page, not just the first 1000 px.
    try:
        height = browser.execute_script(
            "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"
        )
        width = browser.get_window_size()["width"]
        browser.set_window_size(width, min(max(int(height) + 140, 1000), 8000))
    except Exception:  # the page may be mid-navigation; a partial shot is still useful
        pass
    browser.save_screenshot(str(png))
    (SCREENSHOT_DIR / f"{name}.html").write_text(browser.page_source, encoding="utf-8")
    try:
        width, height = VIEWPORTS.get(getattr(browser, "safeguard_viewport", "desktop"), (1280, 1000))
        browser.set_window_size(max(width, 500), height)
    except Exception:
        pass
    return png


@pytest.fixture
def screenshot(driver):
    """Call ``screenshot("name")`` to keep a picture of the current page."""
    return lambda name: save_page(driver, name)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed and report.when in ("setup", "call"):
        browser = item.funcargs.get("driver") if hasattr(item, "funcargs") else None
        if browser is not None:
            try:
                path = save_page(browser, "FAILED-" + _safe_name(item.nodeid))
                report.sections.append(("browser", f"URL: {browser.current_url}\nScreenshot: {path}"))
            except Exception as error:  # never hide the real failure
                report.sections.append(("browser", f"Could not save a screenshot: {error}"))


def pytest_terminal_summary(terminalreporter):
    import axe_check
    if axe_check.AXE_SOURCE is not None:
        terminalreporter.write_line(f"axe-core checked {axe_check.pages_checked()} distinct journey pages "
                                    "(each page shape once per viewport); serious findings fail the test that reached them")
