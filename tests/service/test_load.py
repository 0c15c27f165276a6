"""A bounded load test against a real `doccheck serve` on loopback: 1,000 requests from 50
clients while a pathological request (a draft that takes seconds) is in flight. Every
ordinary request is answered, none fails; the slow one ends with 503 or its result."""

from __future__ import annotations

import json
import random
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

DRAFT = "关于召开全市防汛工作会议的通知\n各县（市、区）人民政府：\n定于2025年4月30日召开会议,请准时参加。\n"
# Half a million characters of sentences that never repeat (repeats are cached): several seconds of checking.
_rng = random.Random(7)
_CHARS = "关于召开全市安全生产工作会议的通知各县区人民政府部门经研究决定请示报告函年月日号附件抄送印发机制建设健康"
SLOW = "".join("".join(_rng.choice(_CHARS) for _ in range(30)) + "，确保取得实效。\n" for _ in range(15000))


def _post(url: str, text: str, timeout: float) -> int:
    req = urllib.request.Request(url + "/api/v1/check", data=json.dumps({"text": text}, ensure_ascii=False).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            json.loads(r.read())
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_a_thousand_requests_from_fifty_clients_with_a_pathological_one_in_flight(live_server):
    start = time.perf_counter()
    with ThreadPoolExecutor(51) as ex:
        slow = ex.submit(_post, live_server, SLOW, 120)
        statuses = list(ex.map(lambda _: _post(live_server, DRAFT, 60), range(1000)))
        slow_status = slow.result(timeout=120)
    assert statuses.count(200) == 1000, {s: statuses.count(s) for s in set(statuses)}
    assert slow_status in (200, 503)
    assert time.perf_counter() - start < 300
