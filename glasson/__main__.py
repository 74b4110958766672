"""``python -m glasson``: the command-line interface (see :mod:`glasson.cli`)."""

import sys

from glasson.cli import main

if __name__ == "__main__":
    sys.exit(main())
