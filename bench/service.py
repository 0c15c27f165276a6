"""Service benchmark (part of `make bench`): latency p50/p95 of POST /api/v1/check
for a 3,000-character draft against a real `doccheck serve` on loopback, and
requests per second with concurrent clients. Bounded in count and time."""

from __future__ import annotations

import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import corpus_texts, draft_of  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(url: str, body: bytes) -> float:
    t0 = time.perf_counter()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        r.read()
    return (time.perf_counter() - t0) * 1000


def main() -> int:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "doccheck", "serve", "--port", str(port)],
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
        for label, options in (("full rule set", {}), ("without typo.statistical", {"ignore": ["typo.statistical"]})):
            body = json.dumps({"text": draft, "options": options}, ensure_ascii=False).encode()
            for _ in range(5):
                post(base + "/api/v1/check", body)  # warm
            lat = sorted(post(base + "/api/v1/check", body) for _ in range(200))
            n, start = 0, time.perf_counter()
            with ThreadPoolExecutor(8) as pool:
                while time.perf_counter() - start < 5 and n < 5000:
                    list(pool.map(lambda _: post(base + "/api/v1/check", body), range(40)))
                    n += 40
            rps = n / (time.perf_counter() - start)
            print(f"service [{label}], {len(draft)}-character draft: p50 {statistics.median(lat):.1f} ms, "
                  f"p95 {lat[int(len(lat) * 0.95)]:.1f} ms; {rps:.0f} requests/s with 8 concurrent clients "
                  f"({n} requests)")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
