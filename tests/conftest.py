"""Shared fixtures: the bundled report parsed once, and real SQLite files loaded from it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from budgetqa.parser import parse_file
from budgetqa.store import bundled_report, connect, load_document

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return bundled_report()


@pytest.fixture(scope="session")
def seed_doc(seed_path):
    return parse_file(seed_path)


@pytest.fixture(scope="session")
def seed_db_file(tmp_path_factory, seed_doc) -> Path:
    path = tmp_path_factory.mktemp("db") / "seed.db"
    load_document(path, seed_doc)
    return path


@pytest.fixture
def db_path(tmp_path, seed_db_file) -> Path:
    """A private copy of the seed database for tests that write."""
    path = tmp_path / "budgetqa.db"
    shutil.copy(seed_db_file, path)
    return path


@pytest.fixture(scope="session")
def conn(seed_db_file) -> sqlite3.Connection:
    return connect(seed_db_file)
