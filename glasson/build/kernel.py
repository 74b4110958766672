"""A kernel of the build (``python -m glasson.build.kernel -f CONNECTION_FILE``): ipykernel, made to die with the
process that started it (on Linux, ``PR_SET_PDEATHSIG``; elsewhere ipykernel's own parent poller), so that a killed
build leaves no kernel behind."""

from __future__ import annotations

import sys

from glasson.build.forkserver import die_with_parent

__all__ = ["main"]


def main(argv: list[str]) -> None:
    die_with_parent()
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(argv=argv)


if __name__ == "__main__":
    main(sys.argv[1:])
