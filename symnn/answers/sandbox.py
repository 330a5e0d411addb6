"""Running untrusted work in a worker process that can be killed.

A wall-clock limit enforced by killing the worker (``signal.alarm`` works only
in the main thread, and cannot stop C code), and an address-space cap set in
the worker. One warm worker is kept, so a check costs no process start; after
a timeout or a crash a fresh one replaces it.
"""

from __future__ import annotations

import atexit
import resource
from concurrent.futures import TimeoutError as FutureTimeout

from pebble import ProcessExpired, ProcessPool

_pool: ProcessPool | None = None
_pool_memory: int | None = None


def _cap_memory(megabytes: int) -> None:
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _worker_pool(memory_mb: int) -> ProcessPool:
    global _pool, _pool_memory
    if _pool is None or _pool_memory != memory_mb or not _pool.active:
        if _pool is not None:
            _pool.stop()
        _pool = ProcessPool(max_workers=1, initializer=_cap_memory, initargs=(memory_mb,))
        _pool_memory = memory_mb
    return _pool


def run_limited(function, args, timeout: float, memory_mb: int):
    """function(*args) in the worker; TimeoutError past ``timeout`` s, MemoryError if the worker dies."""
    future = _worker_pool(memory_mb).schedule(function, args=args, timeout=timeout)
    try:
        return future.result()
    except FutureTimeout:
        raise TimeoutError(f"no result within {timeout} s") from None
    except ProcessExpired:
        raise MemoryError("the worker process died") from None


@atexit.register
def _stop():
    if _pool is not None:
        _pool.stop()
