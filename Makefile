# Everything a bare machine with Python 3.11+, git and make needs: `make run`, `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The browser test drives Debian's Chromium (never a downloaded browser build).
CHROMIUM := /usr/bin/chromium
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint bench check-trees clean locale

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/wizard

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

# The interface catalogues: Babel extracts the vocabulary (wizard/render/words.py) to
# messages.pot, brings each language's .po up to date (translations of changed English are
# dropped, so `wizard check`-style tests name them) and compiles the .mo files the package ships.
locale: $(STAMP)
	$(BIN)/python -m wizard.render.catalogue_make pot
	for po in wizard/locale/*/LC_MESSAGES/messages.po; do \
	  $(BIN)/python -m wizard.render.catalogue_make po $$(basename $$(dirname $$(dirname $$po))); done
	$(BIN)/python -m wizard.render.catalogue_make mo
