"""Checks run in worker processes, so that no request can freeze the service.

pebble's ProcessPool gives each task its own time limit: a check that exceeds it is
stopped by ending the worker that runs it, and the pool starts another; the other
workers, and /health, go on. Workers are started from a fork server that has imported
doccheck, and each loads the shared resources (jieba, the detector, the language model)
once, before its first check.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing

from pebble import ProcessPool


class CheckTimeout(Exception):
    pass


def _warm() -> None:
    from ..plugins import default_registry
    from ..session import check_text

    check_text("关于召开会议的通知\n各单位：\n经研究,决定召开会仪。\n")
    default_registry().resources.preload()


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["doccheck.session", "doccheck.plugins"])
        return ctx
    return multiprocessing.get_context("spawn")


class CheckWorkers:
    def __init__(self, size: int, timeout: float):
        self.timeout = timeout
        self.pool = ProcessPool(max_workers=max(1, size), initializer=_warm, context=_context())

    async def run(self, fn, *args):
        """``fn(*args)`` in a worker; CheckTimeout when it takes longer than the limit."""
        future = self.pool.schedule(fn, args=args, timeout=self.timeout)
        try:
            return await asyncio.wrap_future(future)
        except (concurrent.futures.TimeoutError, TimeoutError):
            raise CheckTimeout from None

    def close(self) -> None:
        self.pool.stop()
        self.pool.join(timeout=10)
