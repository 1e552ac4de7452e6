"""Issue 17, item 8: SIGKILL in the middle of `safeguard import incidents` leaves no half-written batch, loses
nothing committed (every stored incident has its audit entry), and a second run completes without duplicates,
after which `safeguard audit verify` passes with every entry sealed. On SQLite always; on PostgreSQL too when
SAFEGUARD_CRASH_PG_URL names an empty database (.ci/run gives one).

Needs SAFEGUARD_BIN (the built `safeguard`)."""
import os
import signal
import sqlite3
import subprocess
import time

import pytest

BIN = os.environ.get("SAFEGUARD_BIN")
ROWS = 30_000
BATCH = 1_000
FORCE = "Crash Test Constabulary"

pytestmark = pytest.mark.skipif(not BIN, reason="SAFEGUARD_BIN is not set")


def write_file(path):
    with open(path, "w") as f:
        f.write("reference,occurred_at,type,address,postcode,summary\n")
        for n in range(ROWS):
            f.write(f'CRASH-{n:06d},2026-03-02T08:40:00Z,Domestic,"{n % 240 + 1} Station Road, Calder Vale",NM4 2AB,Shouting reported\n')


class SQLiteTarget:
    def __init__(self, folder):
        self.path = os.path.join(folder, "crash.sqlite")
        self.args = ["--database", self.path]
        self.env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}

    def count(self, sql):
        con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()


class PostgresTarget:
    def __init__(self, url):
        self.url = url
        self.args = []
        self.env = dict(os.environ, DATABASE_URL=url)

    def count(self, sql):
        out = subprocess.run(["psql", self.url, "-tAc", sql], check=True, capture_output=True, text=True).stdout
        return int(out.strip())


def targets(tmp_path):
    found = [("sqlite", SQLiteTarget(str(tmp_path)))]
    if os.environ.get("SAFEGUARD_CRASH_PG_URL"):
        found.append(("postgresql", PostgresTarget(os.environ["SAFEGUARD_CRASH_PG_URL"])))
    return found


def run(target, *args, stdin=None, check=True):
    return subprocess.run([BIN, *args, *target.args], env=target.env, input=stdin, capture_output=True, text=True,
                          check=check, timeout=600)


def test_a_killed_import_leaves_whole_batches_and_a_rerun_completes(tmp_path):
    data = str(tmp_path / "incidents.csv")
    write_file(data)
    for name, target in targets(tmp_path):
        run(target, "migrate")
        run(target, "user", "add", "--email", f"admin-{name}@example.org", "--name", "Crash Admin", "--role", "police-officer",
            "--agency", FORCE, "--create-agency", "police", stdin="a-long-enough-password-for-policy-2026\n")
        importing = subprocess.Popen([BIN, "import", "incidents", data, "--force", FORCE, *target.args], env=target.env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.time() + 300
        stored = 0
        while time.time() < deadline and importing.poll() is None:
            time.sleep(0.05)
            try:
                stored = target.count("SELECT count(*) FROM police_incidents")
            except Exception:
                continue  # tables still being made
            if stored >= 3 * BATCH:
                break
        assert importing.poll() is None, f"{name}: the import finished before it could be killed; raise ROWS"
        importing.send_signal(signal.SIGKILL)
        importing.wait()

        stored = target.count("SELECT count(*) FROM police_incidents")
        assert 0 < stored < ROWS, name
        assert stored % BATCH == 0, f"{name}: {stored} stored is not whole batches of {BATCH}"
        audited = target.count("SELECT count(*) FROM audit_entries WHERE record_type = 'police-incident'") + \
            target.count("SELECT count(*) FROM audit_unsealed WHERE record_type = 'police-incident'")
        assert audited == stored, f"{name}: {stored} incidents but {audited} audit entries"

        again = run(target, "import", "incidents", data, "--force", FORCE)
        assert f"{ROWS - stored} received" in again.stdout, again.stdout
        assert f"{stored} already received" in again.stdout, again.stdout
        assert target.count("SELECT count(*) FROM police_incidents") == ROWS, name
        assert target.count("SELECT count(DISTINCT reference) FROM police_incidents") == ROWS, name

        verified = run(target, "audit", "verify")
        assert "intact" in verified.stdout and "every entry sealed" in verified.stdout, verified.stdout
        assert target.count("SELECT count(*) FROM audit_entries WHERE record_type = 'police-incident'") == ROWS, name
