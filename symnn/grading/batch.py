"""Grading a whole class: rows stream in, are checked by a pool of sandboxed workers (every core,
the per-answer time limit, a memory cap), and their results are journaled in input order.

The journal (``DIR/journal.jsonl``) is appended and flushed as rows finish, so a run killed
midway resumes where it stopped: rerun into the same DIR and the finished rows are read back,
not regraded. When every row is in the journal, the outputs are written from it, each
atomically (``results.csv``, ``students.csv``, ``problems.csv``, ``summary.json``,
``report.html``). A worker that hangs, crashes or runs out of memory is replaced and that row
gets an error verdict: the number of results always equals the number of rows read.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from ..answers.sandbox import GRACE, cap_memory
from .encoding import InputText, detect
from .report import Tally, write_outputs
from .submissions import Row, column_names, input_format, read_rows
from .worker import failed, grade_row, grade_row_limited, invalid, reference

JOURNAL = "journal.jsonl"
MAX_OTHER_VARIANTS = 64            # variants of one problem an answer is also tried against
IN_FLIGHT_PER_WORKER = 32          # rows queued ahead per worker: enough to keep it busy, memory stays flat


@dataclass(frozen=True)
class Settings:
    lang: str = "en"
    timeout: float = 2.0
    memory_mb: int = 1024
    workers: int = 0                # 0: every core
    bank: str | None = None

    @property
    def worker_count(self) -> int:
        return self.workers or max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def fingerprint(path: Path, settings: Settings, columns: dict) -> str:
    """What a journal belongs to: the input file's size and first and last MiB, and the settings."""
    digest = hashlib.sha256()
    size = path.stat().st_size
    with path.open("rb") as file:
        digest.update(file.read(1 << 20))
        file.seek(max(0, size - (1 << 20)))
        digest.update(file.read(1 << 20))
    digest.update(json.dumps([size, settings.lang, settings.timeout, settings.bank, sorted(columns.items())]).encode())
    return digest.hexdigest()


class Journal:
    """The results finished so far, one JSON line per row in input order, after a header line."""

    def __init__(self, folder: Path, key: str):
        self.path = folder / JOURNAL
        self.done = 0
        if self.path.exists():
            self.done = self._recover(key)
        if self.done == 0:
            with self.path.open("w", encoding="utf-8") as file:
                file.write(json.dumps({"journal": key}) + "\n")
        self._file = self.path.open("a", encoding="utf-8")

    def _recover(self, key: str) -> int:
        """Rows already finished by an earlier run of the same grading; 0 if it was another one.
        A last line cut short by a kill is dropped, so the file ends on a whole row."""
        good, rows = 0, 0
        with self.path.open("rb") as file:
            header = file.readline()
            try:
                if json.loads(header).get("journal") != key:
                    return 0
            except (json.JSONDecodeError, AttributeError):
                return 0
            good = file.tell()
            for line in file:
                try:
                    if not line.endswith(b"\n") or json.loads(line)["row"] != rows:
                        break
                except (json.JSONDecodeError, KeyError, TypeError):
                    break
                rows += 1
                good = file.tell()
        with self.path.open("r+b") as file:
            file.truncate(good)
        return rows

    def add(self, result: dict) -> None:
        self._file.write(json.dumps(result, ensure_ascii=False) + "\n")
        self.done += 1
        if self.done % 256 == 0:
            self._file.flush()

    def close(self) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()

    def results(self):
        with self.path.open(encoding="utf-8") as file:
            file.readline()
            for line in file:
                yield json.loads(line)


def _record(row: Row, result: dict) -> dict:
    return {"row": row.index, "student": row.student, "problem": row.problem, "variant": row.variant,
            "answer_excerpt": row.answer[:120], **result}


class Pool:
    """pebble's process pool with the sandbox's memory cap, and a check on the pool itself:
    a row whose worker gave no sign past the limit and the grace is an error, and the pool is
    started afresh (the rows still queued are sent again)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._pool = self._start()
        self._variants: dict = {}        # problem -> {variant: its answer}, the variants this class was given

    def _start(self) -> ProcessPool:
        return ProcessPool(max_workers=self.settings.worker_count, initializer=cap_memory,
                           initargs=(self.settings.memory_mb,))

    def submit(self, row: Row):
        """The row's future, or its result at once when it cannot be graded (no such problem or variant)."""
        s = self.settings
        variant = row.variant.strip() or None
        if variant is not None and not variant.isdigit():
            return invalid(f"the variant is a whole number, got {variant[:40]!r}")
        variant = None if variant is None else int(variant)
        answer_reference, options = reference(row.problem, s.bank, s.lang, s.timeout, variant)
        if answer_reference is None:
            return invalid(options)
        seen = self._variants.setdefault(row.problem, {})
        if variant is not None and len(seen) < MAX_OTHER_VARIANTS:
            seen.setdefault(variant, answer_reference)
        others = tuple((k, ref) for k, ref in seen.items() if k != variant)
        return self._schedule((answer_reference, row.answer, options, others))

    def _schedule(self, args):
        return self._pool.schedule(grade_row, args=args, timeout=self.settings.timeout)

    def result(self, future) -> dict | None:
        """The row's result; None when the pool itself stopped answering (the caller resubmits)."""
        if isinstance(future, dict):
            return future
        try:
            return future.result(timeout=self.settings.timeout + GRACE + 30)
        except TimeoutError:      # the task's own limit (pebble killed the worker), or no word from the pool at all
            return failed("check.timeout", self.settings.lang, self.settings.timeout) if future.done() else None
        except (ProcessExpired, MemoryError):
            return failed("check.crashed", self.settings.lang, self.settings.timeout)
        except Exception as error:      # noqa: BLE001 - the row's verdict, never a lost row
            return invalid(f"{type(error).__name__}: {error}"[:200])

    def restart(self) -> None:
        self._pool.stop()
        self._pool.join(timeout=GRACE)
        self._pool = self._start()

    def close(self) -> None:
        self._pool.close()
        self._pool.join()


class DaskPool(Pool):
    """The same grading on a Dask distributed cluster: each row is one task, which runs
    ``grade_row_limited`` (the sandbox, with the same limits) on whichever worker takes it.
    Workers must be allowed child processes (``distributed.worker.daemon: false``)."""

    def __init__(self, settings: Settings, scheduler: str):
        self.scheduler = scheduler
        super().__init__(settings)

    def _start(self):
        try:
            from distributed import Client
        except ImportError:
            raise ImportError("grading on a cluster needs dask.distributed: pip install 'symnn[cluster]'") from None
        return Client(self.scheduler, timeout=30)

    def _schedule(self, args):
        return self._pool.submit(grade_row_limited, *args, pure=False)

    def result(self, future) -> dict | None:
        if isinstance(future, dict):
            return future
        try:
            return future.result(timeout=self.settings.timeout + GRACE + 60)
        except TimeoutError:
            return None
        except Exception as error:      # noqa: BLE001 - a worker lost with the task: the row's verdict
            return invalid(f"{type(error).__name__}: {error}"[:200])

    def restart(self) -> None:
        self._pool.close()
        self._pool = self._start()

    def close(self) -> None:
        self._pool.close()


def grade_stream(rows, journal: Journal, pool: Pool, progress=None) -> None:
    """Check every row after the journal's finished ones, in order, keeping a bounded queue in flight."""
    window: deque = deque()
    limit = IN_FLIGHT_PER_WORKER * pool.settings.worker_count

    def finish_head():
        row, future = window.popleft()
        result = pool.result(future) if future is not None else invalid(row.problem_with_it)
        if result is None:                      # the pool hung: this row is an error, the rest go again
            journal.add(_record(row, failed("check.crashed", pool.settings.lang, pool.settings.timeout)))
            waiting = [r for r, _ in window]
            window.clear()
            pool.restart()
            window.extend((r, None if r.problem_with_it else pool.submit(r)) for r in waiting)
        else:
            journal.add(_record(row, result))
        if progress is not None:
            progress.update(1)

    for row in rows:
        if row.index < journal.done:
            continue
        window.append((row, None if row.problem_with_it else pool.submit(row)))
        if len(window) >= limit:
            finish_head()
    while window:
        finish_head()


def grade_file(submissions, out, settings: Settings = Settings(), columns: dict | None = None,
               format: str | None = None, progress: bool = True, scheduler: str | None = None,
               source: InputText | None = None) -> Tally:
    """Grade the file ``submissions`` into the folder ``out``; the totals. Rerunning resumes.
    ``scheduler``: the address of a Dask distributed scheduler to grade on instead of this machine.
    ``source``: the file's encoding and delimiter, when the caller has detected them already."""
    path, folder = Path(submissions), Path(out)
    columns = columns or {}
    kind = input_format(str(path), format)
    source = source or detect(path, kind, column_names(columns).values())
    folder.mkdir(parents=True, exist_ok=True)
    journal = Journal(folder, fingerprint(path, settings, columns))
    bar = _progress(journal.done) if progress else None
    pool = Pool(settings) if scheduler is None else DaskPool(settings, scheduler)
    try:
        with source.open(path) as stream:
            grade_stream(read_rows(stream, kind, columns, source.delimiter), journal, pool, bar)
    finally:
        pool.close()
        journal.close()
        if bar is not None:
            bar.close()
    return write_outputs(journal.results(), folder, settings.lang, source.as_dict())


def _progress(done: int):
    from tqdm import tqdm
    return tqdm(initial=done, unit=" rows", file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
                disable=not sys.stderr.isatty())
