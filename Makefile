# The glasson compendium. A newcomer needs two commands:
#   make book   -> executes every notebook (papermill) and builds the HTML book into _build/html
#   make test   -> the test suite: every unit and property test, every chapter executed, the book built once and
#                  read in a browser at 1280 px (make check adds what is slow by nature)
# Both create .venv from requirements.lock first when it is missing or the lock changed.
#
# The test suite is a pipeline, declared here and nowhere else:
#   test   = (test-unit || test-build) ; test-book
#   check  = test ; test-check

PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
UV     := $(VENV)/bin/uv
UV_VERSION := $(shell sed -n 's/^uv==\([^ ]*\).*/\1/p' requirements.lock)
# The stamp's name carries the hash of the lock and pyproject: a changed lock means a new stamp, so a re-sync.
LOCK_HASH := $(shell cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)
STAMP  := $(VENV)/.synced-$(LOCK_HASH)

# Bytecode is compiled at install time (uv --compile-bytecode); never written at run time.
export PYTHONDONTWRITEBYTECODE := 1
export SOURCE_DATE_EPOCH ?= 1649203200

.PHONY: book test check test-unit test-build test-book test-check venv clean pdf offline bench help lab
.DEFAULT_GOAL := help

help:
	@echo "make book   execute notebooks (cached by content hash) and build the HTML book into _build/html"
	@echo "make test   unit and property tests, every chapter executed, the book built and read at 1280 px"
	@echo "make check  make test, then what is slow by nature (second build, phone width, reruns, Lab, wheel)"
	@echo "make venv   create or update .venv from requirements.lock"
	@echo "make offline  re-execute every notebook and rebuild the book with the network cut (unshare -rn)"
	@echo "make pdf    typeset the book to _build/latex/book.pdf (needs latexmk and xelatex)"
	@echo "make bench  run benchmarks/ and print the measured figures"
	@echo "make lab    JupyterLab on the chapters, with the glasson kernel (opens a browser tab)"
	@echo "make clean  remove _build (the venv stays)"
	@echo "options: make book ALL=1 (clean, full rebuild)  JOBS=N (parallel notebook kernels)"

venv: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "glasson needs Python >= 3.11 (set PYTHON=...)")'
	@test -x $(VPY) || $(PYTHON) -m venv --without-pip $(VENV)
	@# uv into the venv: with this Python's pip when it has one (pip >= 22.3 installs into another
	@# environment), else with pip bootstrapped into the venv (uv pip sync removes it again: not in the lock).
	@test -x $(UV) && $(UV) --version | grep -q " $(UV_VERSION)" || \
	  $(PYTHON) -m pip --python $(VPY) install --quiet --disable-pip-version-check "uv==$(UV_VERSION)" 2>/dev/null || \
	  { $(VPY) -m ensurepip --default-pip >/dev/null && \
	    $(VPY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"; }
	$(UV) pip sync --quiet --compile-bytecode --python $(VPY) requirements.lock
	$(UV) pip install --quiet --compile-bytecode --python $(VPY) --no-deps --no-build-isolation -e .
	@# the chapters' kernel, "python3" (the name Colab and Binder know too), shown as "Python 3 (glasson)": this
	@# environment's Python, for JupyterLab (make lab)
	@$(VPY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (glasson)" >/dev/null
	@rm -f $(VENV)/.synced-*
	@touch $@

book: $(STAMP)
	$(VPY) -m glasson build $(if $(ALL),--all) $(if $(JOBS),--jobs $(JOBS))

PYTEST = $(VPY) -m pytest -p no:cacheprovider

test: $(STAMP)
	@$(MAKE) --no-print-directory -j2 -Otarget test-unit test-build
	@$(MAKE) --no-print-directory test-book

# The physics, the registries, the data, the CLI and the structure (and the package's doctests): no executed chapter.
test-unit: $(STAMP)
	$(PYTEST) tests glasson --ignore=tests/book --ignore=tests/check $(PYTEST_ARGS)

# The book as `make book` builds it, with Sphinx's network cut where `unshare -rn` works; published when complete.
test-build: $(STAMP)
	$(VPY) -m glasson build --offline

# The built book and the executed chapters, read where test-build left them.
test-book: $(STAMP)
	GLASSON_TEST_BOOK=built $(PYTEST) tests/book $(PYTEST_ARGS)

check: test
	@$(MAKE) --no-print-directory test-check

# What is slow by nature: a second build from scratch (byte-identical), the phone width, a chapter per glass, a
# rerun's book, the build under attack, JupyterLab after Run All, a wheel installed elsewhere.
test-check: $(STAMP)
	GLASSON_TEST_BOOK=built $(PYTEST) tests/check $(PYTEST_ARGS)

# JupyterLab on the repository, opened at the chapters, with this environment's kernel ("Python 3 (glasson)", the
# chapters' kernel "python3") and jupyterlab-myst rendering their MyST.
lab: $(STAMP)
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks \
	  --MultiKernelManager.default_kernel_name=python3 $(if $(filter 0,$(shell id -u)),--allow-root)

pdf: $(STAMP)
	$(VPY) -m glasson build --pdf

# The offline proof: everything after the bootstrap (kernels, execution, Sphinx, MathJax) runs in a new network
# namespace whose only interface is a loopback that is down; anything reaching for the network fails the build.
offline: $(STAMP)
	@unshare -rn true 2>/dev/null || { echo "make offline: needs 'unshare -rn' (user namespaces)"; exit 2; }
	unshare -rn $(VPY) -m glasson build --all $(if $(JOBS),--jobs $(JOBS))

bench: $(STAMP)
	$(VPY) benchmarks/run_all.py

clean:
	rm -rf _build
