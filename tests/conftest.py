"""Test settings: in CI (CI=true) hypothesis draws the same examples on every run."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
