"""Service benchmark (part of `make bench`): latency p50/p95 of POST /api/v1/check
for a 3,000-character draft against a real `doccheck serve` on loopback, and
requests per second with concurrent clients. Each client keeps its connection open between
requests, as the add-ins (the browser's fetch) and LanguageTool clients do; a new connection per
request costs client and server about a millisecond of CPU more. Bounded in count and time."""

from __future__ import annotations

import http.client
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import REAL, corpus_texts, draft_of, with_slips  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_conn = threading.local()


def post(url: str, body: bytes) -> float:
    """One request on the client thread's own connection, kept open between requests as the
    add-ins' fetch and LanguageTool clients keep theirs."""
    t0 = time.perf_counter()
    u = urllib.parse.urlsplit(url)
    for fresh_connection in (False, True):  # the server closes a connection idle for 5 s: open another
        c = getattr(_conn, "c", None)
        if c is None or fresh_connection:
            c = _conn.c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        try:
            c.request("POST", u.path, body, {"Content-Type": "application/json"})
            r = c.getresponse()
            r.read()
            break
        except (ConnectionError, http.client.RemoteDisconnected):
            c.close()
            if fresh_connection:
                raise
            t0 = time.perf_counter()
    if r.status != 200:
        raise RuntimeError(f"{u.path}: HTTP {r.status}")
    return (time.perf_counter() - t0) * 1000


def fresh(draft: str, seed: int) -> str:
    """The draft with every 15th Han character changed: every clause is new to the
    detector's clause cache, as a first check of a new draft is."""
    return with_slips(draft, seed, 15)


def published(n: int) -> list[str]:
    """Up to ``n`` pieces of about 3,000 characters of the published texts of ../shared/corpus-real, each
    piece once: new drafts with the errors real text has, where ``fresh`` changes one character in
    fifteen (about 130 slips in the bench's draft, each one a question for the detector and its model)."""
    out = []
    for p in sorted(REAL.glob("*/*.txt")) if REAL.is_dir() else ():
        t = p.read_text(encoding="utf-8")
        out += [t[k:k + 3000] for k in range(0, len(t) - 1500, 3000)]
    return out[:n]


def cpu_ms(pid: int) -> float:
    """A process's CPU time (user and system) in ms, from /proc; 0 where it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def descendants(pid: int) -> list[int]:
    """The processes started by ``pid`` and by those (the check workers and their fork server)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    out, todo = [], list(children.get(pid, []))
    while todo:
        out.append(todo.pop())
        todo += children.get(out[-1], [])
    return out


def own_cpu_ms() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return (r.ru_utime + r.ru_stime) * 1000


def measure(base: str, label: str, workers: int, bodies: list[bytes], again: bytes | None, server: int) -> None:
    """Latency with one client (200 requests), then with 8 concurrent clients for about 5 s, each client
    on a connection of its own that it keeps open (``post``), and where the CPU of those requests went
    (/proc): the check workers, the server's event loop, this client."""
    for _ in range(5):
        post(base + "/api/v1/check", bodies[0])  # warm
    same = sorted(post(base + "/api/v1/check", again) for _ in range(100)) if again else []
    lat = sorted(post(base + "/api/v1/check", bodies[k]) for k in range(1, 201))
    helpers = descendants(server)
    cpu = [sum(map(cpu_ms, helpers)), cpu_ms(server), own_cpu_ms()]
    # a closed loop: each client sends its next request as soon as its last is answered, for 5 s or
    # until every body has been sent once (batches handed out in turn would let the clients idle
    # at each batch's end and flatter the figures)
    start, busy, taken, lock = time.perf_counter(), [], iter(range(201, len(bodies))), threading.Lock()

    def client() -> None:
        while time.perf_counter() - start < 5:
            with lock:
                k = next(taken, None)
            if k is None:
                return
            busy.append(post(base + "/api/v1/check", bodies[k]))

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: client(), range(8)))
    n = 201 + len(busy)
    rps = (n - 201) / (time.perf_counter() - start)
    spent = [(now - then) / max(1, n - 201) for now, then in
             zip([sum(map(cpu_ms, helpers)), cpu_ms(server), own_cpu_ms()], cpu)]
    busy.sort()
    print(f"service [{label}], {workers} worker processes: "
          f"1 client p50 {statistics.median(lat):.1f} ms, p95 {lat[int(len(lat) * 0.95)]:.1f} ms; "
          f"8 concurrent clients p50 {statistics.median(busy):.1f} ms, p95 {busy[int(len(busy) * 0.95)]:.1f} ms, "
          f"{rps:.0f} requests/s ({n - 201} requests; CPU a request: workers {spent[0]:.2f} ms, "
          f"server {spent[1]:.2f} ms, clients {spent[2]:.2f} ms)"
          + (f"; the same draft checked again: p50 {statistics.median(same):.1f} ms" if same else ""))


def main() -> int:
    port = free_port()
    workers = os.cpu_count() or 1
    proc = subprocess.Popen([sys.executable, "-m", "doccheck", "serve", "--port", str(port), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        draft = draft_of(3000, corpus_texts())

        def body(text: str, options: dict) -> bytes:
            return json.dumps({"text": text, "options": options}, ensure_ascii=False).encode()

        for label, options in (("full rule set", {}), ("without typo.statistical", {"ignore": ["typo.statistical"]})):
            measure(base, f"{label}, new {len(draft)}-character drafts, one character in fifteen changed", workers,
                    [body(fresh(draft, k), options) for k in range(1200)], body(draft, options), proc.pid)
        real = published(1200)
        if len(real) > 400:
            measure(base, f"full rule set, {len(real)} pieces of published texts of about 3,000 characters", workers,
                    [body(t, {}) for t in real], None, proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
