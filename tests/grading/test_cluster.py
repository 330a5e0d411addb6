"""symnn grade on a Dask distributed cluster (a LocalCluster of two worker processes) gives the
same results, row for row, as on this machine's own pool; each worker keeps the sandbox."""

from __future__ import annotations

import pytest

from symnn.grading.batch import Settings, grade_file

from .test_batch import write_class

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")


def test_a_cluster_of_two_workers_grades_like_the_local_pool(tmp_path):
    expected = write_class(tmp_path / "class.csv", copies=2)
    grade_file(tmp_path / "class.csv", tmp_path / "local", Settings(workers=2), progress=False)
    # the sandbox starts a process per worker: workers must be allowed children
    with dask.config.set({"distributed.worker.daemon": False}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        tally = grade_file(tmp_path / "class.csv", tmp_path / "cluster", Settings(workers=2), progress=False,
                           scheduler=cluster.scheduler_address)
    assert tally.rows == len(expected)
    assert (tmp_path / "cluster" / "results.csv").read_bytes() == (tmp_path / "local" / "results.csv").read_bytes()
