# The two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: install system-packages demo test eval bench clean

install: $(STAMP)

# The word trigram model of the typo detector is Debian's libime-data-language-model
# (fcitx5's, LGPL-2.1+). Installed where this runs as root with apt; elsewhere the
# detector says once that it runs without it.
system-packages:
	@if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && ! ls /usr/lib/*/libime/zh_CN.lm >/dev/null 2>&1; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libime-data-language-model) >/dev/null 2>&1 || echo "make: could not install libime-data-language-model"; \
	fi

# the compiled part is rebuilt when its source changes (an editable install builds it in place)
$(STAMP): pyproject.toml hatch_build.py src/doccheck/_wordtable.c | system-packages
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,serve]'
	# kenlm reads the language model; it builds from source (a C++ compiler, about a minute).
	$(PY) -m pip install --quiet -e '.[lm]' || echo "make: kenlm did not build; the typo detector runs without its language model"
	touch $(STAMP)

demo: install
	$(VENV)/bin/doccheck check corpus/ --fail-on never

test: install
	$(PY) -m pytest

eval: install
	$(PY) bench/eval.py

bench: install
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) bench/bench.py
	$(PY) bench/service.py

clean:
	rm -rf $(VENV) build dist *.egg-info
