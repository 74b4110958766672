"""The build layer: notebooks, files and processes, and no physics (``pyproject.toml``'s import-linter contract).

``python -m glasson build`` (``make book``) composes it, holding :func:`lock.build_lock`:

* :mod:`~glasson.build.layout`: the chapters (those of ``_toc.yml``) and the build tree;
* :mod:`~glasson.build.execute`: papermill runs each chapter whose key changed (:mod:`~glasson.build.cache`) in a
  kernel of :mod:`~glasson.build.kernels` (forked by :mod:`~glasson.build.forkserver` on Linux, started by
  :mod:`~glasson.build.kernel`), written by :mod:`~glasson.build.notebooks`;
* :mod:`~glasson.build.sphinx`: the book's copies staged beside the pages, built by jupyter-book into a fresh
  directory, published when complete.
"""
