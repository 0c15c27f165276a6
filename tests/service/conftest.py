from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """A real `doccheck serve` on loopback, as the add-ins and LanguageTool clients see it.
    Its log goes to a file: a pipe nobody reads fills up and stops the server."""
    port = free_port()
    log = open(tmp_path_factory.mktemp("serve") / "serve.log", "w+b")
    proc = subprocess.Popen([sys.executable, "-m", "doccheck", "serve", "--port", str(port), "--timeout", "3"],
                            stdout=subprocess.DEVNULL, stderr=log)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/health", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                log.seek(0)
                raise RuntimeError(log.read().decode())
            time.sleep(0.2)
    else:
        proc.kill()
        raise RuntimeError("doccheck serve did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)
