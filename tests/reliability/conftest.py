"""Fixtures of the reliability tests: the shared app with a small picture limit, and the
environment a real `notices` subprocess needs to work on the test's database, media and index."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.reliability.tree_cases import PICTURE_LIMIT

REPO = Path(__file__).resolve().parents[2]
# The `notices` console script installed beside the interpreter that runs the tests (wherever
# its environment lives), not a path inside the checkout.
NOTICES = Path(sys.executable).parent / "notices"


@pytest.fixture
def app_config(app_config):
    # A small limit keeps the oversize-picture case small.
    return {**app_config, "PICTURE_MAX_BYTES": PICTURE_LIMIT}


@pytest.fixture
def cli_env(app_config):
    """Environment for `notices ...` subprocesses sharing the test app's data."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NOTICES_")}
    env.update(
        NOTICES_INSTANCE_PATH=os.environ["NOTICES_INSTANCE_PATH"],
        NOTICES_DATABASE_URL=app_config["DATABASE_URL"],
        NOTICES_INDEX_DIR=app_config["INDEX_DIR"],
        NOTICES_MEDIA_DIR=app_config["MEDIA_DIR"],
        NOTICES_DATA_DIR=app_config["DATA_DIR"],
        NOTICES_PICTURE_MAX_BYTES=str(app_config["PICTURE_MAX_BYTES"]),
        NOTICES_FETCH_RATE_PER_SECOND="0",
        NOTICES_FETCH_RETRIES="0",
        NOTICES_SECRET_KEY="reliability-tests",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env
