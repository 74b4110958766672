"""The suite's own scheduling (``tests/conftest.py``): its background jobs start while the tests are collected
only when every test runs; a run that leaves tests out starts only the jobs its tests need, after collection."""

from types import SimpleNamespace

import conftest
import pytest

NARROWING = {"keyword": "fermi", "markexpr": "slow", "deselect": ["tests/test_book.py::test_x"],
             "ignore": ["tests/test_book.py"], "ignore_glob": ["*book*"], "lf": True, "stepwise": True,
             "collectonly": True}


def _config(source=pytest.Config.ArgsSource.TESTPATHS, **options):
    none = {"keyword": "", "markexpr": "", "deselect": None, "ignore": None, "ignore_glob": None,
            "collectonly": False}
    return SimpleNamespace(args_source=source, option=SimpleNamespace(**{**none, **options}))


def test_the_whole_suite_starts_its_jobs_at_configuration():
    assert conftest._whole_suite(_config())


@pytest.mark.parametrize("option", sorted(NARROWING))
def test_a_run_that_leaves_tests_out_waits_for_collection(option):
    assert not conftest._whole_suite(_config(**{option: NARROWING[option]}))


def test_a_run_of_named_files_waits_for_collection():
    assert not conftest._whole_suite(_config(pytest.Config.ArgsSource.ARGS))
