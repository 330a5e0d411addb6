"""Running untrusted work in a worker process that can be killed.

A wall-clock limit enforced by killing the worker (``signal.alarm`` works only
in the main thread, and cannot stop C code), and an address-space cap set in
the worker. One warm worker is kept, so a check costs no process start. After
a timeout or a crash the whole pool is thrown away and a fresh one started:
a worker killed while it held the pool's result channel would otherwise leave
the next check waiting for ever.
"""

from __future__ import annotations

import atexit
import importlib
import resource
from concurrent.futures import TimeoutError as FutureTimeout

from pebble import ProcessExpired, ProcessPool

GRACE = 2.0     # seconds past the limit the caller waits for the pool itself before giving up on it
RESTART = 0.3   # of the limit, kept for killing the worker and answering: the caller hears within it

_pool: ProcessPool | None = None
_pool_memory: int | None = None


def _address_space() -> int:
    """The bytes of address space this process holds now (what a forked worker starts with)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def cap_memory(megabytes: int) -> None:
    """Cap this process's address space at what it holds now plus ``megabytes`` (a worker's: run
    as the pool's initializer). A worker forked from a large process (threads reserve their
    arenas, libraries their mappings) starts big; the cap bounds what a check may add."""
    limit = _address_space() + megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))      # the hard limit too: it cannot be raised again


def _worker_pool(memory_mb: int) -> ProcessPool:
    global _pool, _pool_memory
    if _pool is None or _pool_memory != memory_mb or not _pool.active:
        _discard_pool()
        _pool = ProcessPool(max_workers=1, initializer=cap_memory, initargs=(memory_mb,))
        _pool_memory = memory_mb
    return _pool


def _discard_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.stop()
        _pool.join(timeout=GRACE)
    _pool = None


def _import(module: str) -> None:
    importlib.import_module(module)


def warm(module: str, memory_mb: int) -> None:
    """Start the worker now and have it import ``module`` while the caller goes on with its
    own imports (the two run on two cores: a cold ``symnn check`` waits for one SymPy import,
    not two in a row)."""
    _worker_pool(memory_mb).schedule(_import, args=(module,))


def run_limited(function, args, timeout: float, memory_mb: int):
    """function(*args) in the worker; TimeoutError past ``timeout`` s, MemoryError if the worker dies."""
    future = _worker_pool(memory_mb).schedule(function, args=args, timeout=max(timeout - RESTART, timeout / 2))
    try:
        return future.result(timeout=timeout + GRACE)
    except FutureTimeout:
        _discard_pool()
        raise TimeoutError(f"no result within {timeout} s") from None
    except ProcessExpired:
        _discard_pool()
        raise MemoryError("the worker process died") from None


@atexit.register
def shutdown() -> None:
    """End the worker; the process is leaving, so there is nothing to wait for."""
    if _pool is not None:
        _pool.stop()
