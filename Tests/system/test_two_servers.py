"""Issue 17, item 5: two Safeguard servers on one PostgreSQL behind HAProxy (round-robin, no stickiness).

A real browser signs in and works through the balancer, so its requests alternate between the servers; then
referrals, police incidents and person edits are written through the balancer at once, for a bounded time.
When the servers stop, `safeguard audit verify` must pass with every entry sealed, and every write must be
there exactly once.

Needs SAFEGUARD_BIN, SAFEGUARD_TWO_SERVER_PG_URL (an empty database) and haproxy; skipped otherwise."""
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))

BIN = os.environ.get("SAFEGUARD_BIN")
PG_URL = os.environ.get("SAFEGUARD_TWO_SERVER_PG_URL")
HAPROXY = shutil.which("haproxy") or ("/usr/sbin/haproxy" if os.path.exists("/usr/sbin/haproxy") else None)
SECRET = "two-servers-behind-haproxy-share-this-secret-0123456789"
SIGN_IN_LINE = re.compile(r"^\s{2}(?P<role>\S.*?)\s{2,}(?P<email>\S+@demo\.safeguard\.test)\s+(?P<password>\S+)\s*$")
WRITE_SECONDS = 20

pytestmark = pytest.mark.skipif(not (BIN and PG_URL and HAPROXY), reason="needs SAFEGUARD_BIN, SAFEGUARD_TWO_SERVER_PG_URL and haproxy")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"{url} never answered")


class Running:
    def __init__(self, args, env):
        self.output = []
        self.process = subprocess.Popen(args, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, bufsize=1, start_new_session=True)
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for line in self.process.stdout:
            self.output.append(line.rstrip("\n"))

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # graceful: the server seals what it wrote
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def requests_served(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as r:
        text = r.read().decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith("safeguard_http_requests_total"))


@pytest.fixture(scope="module")
def balanced():
    env = dict(os.environ, DATABASE_URL=PG_URL, SAFEGUARD_SESSION_SECRET=SECRET)
    ports = [free_port(), free_port()]
    first = Running([BIN, "serve", "--demo", "--port", str(ports[0])], env)
    wait_for(f"http://127.0.0.1:{ports[0]}/health")
    second = Running([BIN, "serve", "--port", str(ports[1])], env)
    wait_for(f"http://127.0.0.1:{ports[1]}/health")
    logins = {}
    for line in first.output:
        m = SIGN_IN_LINE.match(line)
        if m:
            logins[m["role"].strip()] = (m["email"], m["password"])
    port = free_port()
    folder = tempfile.mkdtemp(prefix="safeguard-haproxy-")
    config = Path(folder) / "haproxy.cfg"
    config.write_text(f"""
global
    maxconn 512
defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
frontend safeguard
    bind 127.0.0.1:{port}
    default_backend servers
backend servers
    balance roundrobin
    server a 127.0.0.1:{ports[0]} check inter 1s
    server b 127.0.0.1:{ports[1]} check inter 1s
""")
    proxy = subprocess.Popen([HAPROXY, "-f", str(config), "-db"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/health")
        yield {"url": f"http://127.0.0.1:{port}", "ports": ports, "logins": logins, "servers": [first, second]}
    finally:
        proxy.terminate()
        proxy.wait()
        first.stop()
        second.stop()
        shutil.rmtree(folder, ignore_errors=True)


class Client:
    """A browser without a browser: cookies, the CSRF field from the last form seen, redirects followed."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.csrf = None

    def _seen(self, text):
        m = re.search(r'name="_csrf" value="([^"]+)"', text)
        if m:
            self.csrf = m.group(1)

    def get(self, path):
        with self.opener.open(self.base + path, timeout=30) as r:
            text = r.read().decode()
        self._seen(text)
        return r.geturl(), text

    def post(self, path, fields):
        if self.csrf is None:
            self.get("/sign-in")
        body = urllib.parse.urlencode(list(fields) + [("_csrf", self.csrf)]).encode()
        try:
            with self.opener.open(self.base + path, data=body, timeout=30) as r:
                text = r.read().decode()
                url = r.geturl()
        except urllib.error.HTTPError as e:
            raise AssertionError(f"POST {path}: {e.code} {e.read().decode()[:300]}") from None
        self._seen(text)
        return url, text

    def sign_in(self, email, password):
        url, _ = self.post("/sign-in", [("email", email), ("password", password)])
        assert "/sign-in" not in url, f"sign-in as {email} failed"


def login(balanced, role):
    return balanced["logins"][role]


class Site:
    """What the browser tests' page helpers need of a server: its address."""

    def __init__(self, base):
        self.base = base

    def url(self, path):
        return self.base + path


class Login:
    def __init__(self, email, password):
        self.email, self.password = email, password


def test_a_browser_journey_through_the_balancer(balanced):
    import pages
    from selenium import webdriver

    before = [requests_served(p) for p in balanced["ports"]]
    options = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--disable-dev-shm-usage", "--lang=en-GB"):
        options.add_argument(a)
    chromium = os.environ.get("CHROMIUM_BIN") or shutil.which("chromium")
    if chromium:
        options.binary_location = chromium
    browser = webdriver.Chrome(options=options)
    site = Site(balanced["url"])
    try:
        pages.sign_in(browser, site, Login(*login(balanced, "Social worker")))
        # Page after page, each request landing on either server: the session and the forms' CSRF hold on both.
        surname, rows = pages.find_people(browser, site, lambda row: True)
        for _ in range(3):
            assert pages.search(browser, site, q=surname), f"no one called {surname} on the second look"
        browser.get(rows[0]["href"])
        assert "/people/" in browser.current_url and "/sign-in" not in browser.current_url
        browser.get(site.url("/my-work"))
        assert pages.path_of(browser) == "/my-work", browser.current_url
        pages.sign_out(browser)
        browser.get(site.url("/my-work"))
        assert pages.path_of(browser).startswith("/sign-in"), "signed out on both servers"
    finally:
        browser.quit()
    after = [requests_served(p) for p in balanced["ports"]]
    assert all(a > b for a, b in zip(after, before)), f"both servers served the journey: {before} -> {after}"


def test_concurrent_writes_through_the_balancer_all_land_and_the_trail_verifies(balanced):
    base = balanced["url"]
    admin = Client(base)
    admin.sign_in(*login(balanced, "Partnership administrator"))
    _, page = admin.get("/admin/api-tokens")
    force = re.search(r'<option value="([0-9a-fA-F-]{36})"[^>]*>Northmere Constabulary', page).group(1)
    _, made = admin.post("/admin/api-tokens", [("name", "Two-server test"), ("agency", force), ("permissions[]", "incidents:write")])
    token = re.search(r'<code id="new-token">([^<]+)</code>', made).group(1)

    stop_at = time.time() + WRITE_SECONDS
    done = {"referrals": 0, "incidents": 0, "people": 0, "names": 0}
    errors = []
    lock = threading.Lock()

    def count(kind):
        with lock:
            done[kind] += 1

    def referrals(worker):
        c = Client(base)
        c.sign_in(*login(balanced, "School designated safeguarding lead"))
        n = 0
        while time.time() < stop_at:
            url, _ = c.post("/referrals/new", [])
            rid = url.rstrip("/").split("/")[-2]
            c.post(f"/referrals/{rid}/people", [("action", "continue"), ("subject-first-name", f"Balancer{worker}x{n}"),
                                                ("subject-last-name", "Twoserver"), ("subject-dob-day", "14"), ("subject-dob-month", "6"),
                                                ("subject-dob-year", "2018"), ("subject-gender", "female"), ("subject-nhs-number", "")])
            c.post(f"/referrals/{rid}/address", [("address-line1", "14 Mill Lane"), ("address-town", "Calder Vale"), ("address-postcode", "nm42ab")])
            c.post(f"/referrals/{rid}/concerns", [("concerns[]", "neglect"), ("what-happened", "Arrived hungry again; no food at home.")])
            c.post(f"/referrals/{rid}/sharing", [("family-awareness", "not-told-would-increase-risk"), ("lawful-basis", "public-task")])
            c.post(f"/referrals/{rid}/contact", [("urgency", "today"), ("referrer-phone", "01632 960 001")])
            url, _ = c.post(f"/referrals/{rid}/submit", [])
            assert url.endswith("/sent"), url
            count("referrals")
            n += 1

    def incidents(worker):
        n = 0
        while time.time() < stop_at:
            body = (f'{{"reference": "LB-{worker}-{n}", "occurredAt": "2026-03-02T08:40:00Z", "type": "Domestic", '
                    f'"address": "{n % 200 + 1} Station Road, Calder Vale", "summary": "Shouting reported."}}').encode()
            req = urllib.request.Request(base + "/api/v1/incidents", data=body, method="POST",
                                         headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=30) as r:
                assert r.status < 300
            count("incidents")
            n += 1

    def people(worker):
        c = Client(base)
        c.sign_in(*login(balanced, "Social worker"))
        n = 0
        while time.time() < stop_at:
            url, _ = c.post("/people", [("first-name", f"Edit{worker}x{n}"), ("middle-names", ""), ("last-name", "Twoserver"),
                                        ("unborn", "no"), ("dob-day", "3"), ("dob-month", "3"), ("dob-year", "2015"), ("gender", "female"),
                                        ("ethnicity", "Not known"), ("nhs-number", ""), ("language", "English"), ("disability", ""),
                                        ("address-line1", f"{n + 1} Station Road"), ("address-line2", ""), ("address-town", "Calder Vale"),
                                        ("address-postcode", "nm4 2ab")])
            pid = re.search(r"/people/([0-9a-fA-F-]{36})", url).group(1)
            count("people")
            c.post(f"/people/{pid}/other-names", [("kind", "alias"), ("name", f"Alias{worker}x{n}")])
            count("names")
            n += 1

    def guarded(work, worker):
        try:
            work(worker)
        except BaseException as e:  # noqa: BLE001 — reported below
            errors.append(f"{work.__name__} {worker}: {e!r}")

    threads = [threading.Thread(target=guarded, args=(w, i)) for w in (referrals, incidents, people) for i in range(2)]
    started = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=WRITE_SECONDS + 120)
    took = time.time() - started
    assert not errors, errors
    assert all(v > 0 for v in done.values()), done
    print(f"\ntwo-servers: {done} in {took:.1f} s through the balancer")

    for server in balanced["servers"]:
        server.stop()

    def psql(sql):
        return int(subprocess.run(["psql", PG_URL, "-tAc", sql], check=True, capture_output=True, text=True).stdout.strip())

    assert psql("SELECT count(*) FROM referrals r WHERE r.status = 'submitted' AND EXISTS "
                "(SELECT 1 FROM referral_subjects s WHERE s.referral_id = r.id AND s.last_name = 'Twoserver')") == done["referrals"]
    assert psql("SELECT count(DISTINCT reference) FROM referrals WHERE status = 'submitted'") == psql("SELECT count(*) FROM referrals WHERE status = 'submitted'")
    assert psql("SELECT count(*) FROM police_incidents WHERE reference LIKE 'LB-%'") == done["incidents"]
    assert psql("SELECT count(*) FROM people WHERE last_name = 'Twoserver'") == done["people"]
    assert psql("SELECT count(*) FROM other_names WHERE name LIKE 'Alias%'") == done["names"]
    verified = subprocess.run([BIN, "audit", "verify"], env=dict(os.environ, DATABASE_URL=PG_URL), capture_output=True, text=True)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "every entry sealed" in verified.stdout, verified.stdout
    print(verified.stdout.strip())
