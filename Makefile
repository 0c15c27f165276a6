# The two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install demo test eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,serve]'
	touch $(STAMP)

demo: install
	$(VENV)/bin/doccheck check corpus/ --fail-on never

test: install
	$(PY) -m pytest

eval: install
	$(PY) bench/eval.py

bench: install
	$(PY) bench/bench.py
	$(PY) bench/service.py

clean:
	rm -rf $(VENV) build dist *.egg-info
