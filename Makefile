# Everything a bare machine with Python 3.11+, git and make needs: `make run`, `make test`.
#
# Every package comes at the version in uv.lock, the same on every machine and every day; a
# new release changes nothing until someone runs `make upgrade` and commits the lock. uv (a
# pinned release, pip-installed into .venv) installs from the lock: it reads neither pip.conf
# nor PIP_* settings (--no-config leaves out uv's own), so the lock always resolves from PyPI.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV_VERSION := 0.13.9
UV     := $(BIN)/uv --no-config
APP    := $(VENV)/.app-installed
STAMP  := $(VENV)/.installed
# --locked: a pyproject.toml edited without `make lock` stops here, saying so. --inexact keeps
# uv and pip, which the lock does not list, and lets `make run` follow `make test`.
SYNC   := $(UV) sync --locked --inexact
# The browser test drives Debian's Chromium (never a downloaded browser build).
CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint bench check-trees clean locale lock upgrade

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)

# What the program needs, and nothing else: the welcome screen comes first.
$(APP): $(BIN)/uv pyproject.toml uv.lock
	$(SYNC)
	touch $(APP)

# ... then the test and lint tools (the `test` extra) for `make test`, `lint`, `bench`, `locale`.
$(STAMP): $(BIN)/uv pyproject.toml uv.lock
	$(SYNC) --extra test
	touch $(STAMP) $(APP)

run: $(APP)
	$(BIN)/wizard

# After editing the dependencies in pyproject.toml: the lock follows, keeping every other pin.
lock: $(BIN)/uv
	$(UV) lock

# Every package to the newest release pyproject.toml allows; run `make test`, then commit uv.lock.
upgrade: $(BIN)/uv
	$(UV) lock --upgrade

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null

# One pytest worker per core (pytest-xdist); the wheel's tests share one worker (loadgroup).
test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest -n auto --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check wizard tests
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m pytest tests/benchmarks --benchmark-only --benchmark-columns=min,median,mean,rounds

check-trees: $(STAMP)
	$(BIN)/wizard check --strict trees/

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# The interface catalogues, with Babel's own command line: pybabel extracts the vocabulary
# (wizard/render/words.py, through the extraction method in wizard/render/catalogue.py) to
# messages.pot (without source line numbers, which churned on every edit and clashed on merges),
# brings each language's .po up to date (without fuzzy matching: a translation
# whose English changed is dropped, so the catalogue test names it, never kept as a guess) and
# compiles the .mo files the package ships. A new language: $(BIN)/pybabel init -l LANG
# -i wizard/locale/messages.pot -d wizard/locale -D messages, then `make locale`.
locale: $(STAMP)
	printf '[extractors]\nwords = wizard.render.catalogue:extract_words\n[words: wizard/render/words.py]\n' \
	  > $(VENV)/babel.cfg
	$(BIN)/pybabel extract -F $(VENV)/babel.cfg -o wizard/locale/messages.pot -w 100 \
	  --no-location --project triage-wizard .
	$(BIN)/pybabel update -i wizard/locale/messages.pot -d wizard/locale -D messages -w 100 \
	  --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d wizard/locale -D messages --statistics
