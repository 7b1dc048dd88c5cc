# The two commands of the README, and the pieces they are made of.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit install clean postgres-binaries browser adplane

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) browser

## The docs pages are tested in headless Chromium (tests/test_docs_browser.py). In CI (root,
## apt) Debian's package is installed when missing; elsewhere the test says how and is skipped.
browser:
	@for b in chromium chromium-browser google-chrome; do command -v $$b >/dev/null 2>&1 && exit 0; done; \
	if [ -n "$${CI:-}" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium (apt) for the docs browser test"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get install -y -qq chromium >/dev/null 2>&1 || \
			{ apt-get update -qq && apt-get install -y -qq chromium; }; \
	else echo "note: no chromium: tests/test_docs_browser.py will be skipped (fail in CI)" >&2; fi

## Start adplane on its embedded defaults (SQLite, DuckDB, ./adplane-data) with demo data.
demo: $(STAMP)
	$(BIN)/adplane demo --host $${HOST:-127.0.0.1} --port $${PORT:-8000}

## Install everything and run the whole suite: lint, types, tests on SQLite and PostgreSQL.
## Ends with the time each phase took.
test:
	@MAKE="$(MAKE)" bash .ci/phases install lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

## The suite starts a throwaway PostgreSQL of its own: say so plainly when it cannot.
postgres-binaries:
	@missing=""; for b in initdb pg_ctl postgres; do \
		command -v $$b >/dev/null 2>&1 || missing="$$missing $$b"; done; \
	if [ -n "$$missing" ]; then \
		echo "error: the PostgreSQL server binaries are not on PATH:$$missing" >&2; \
		echo "install the PostgreSQL 15 server (Debian/Ubuntu: apt-get install postgresql-15) and put its bin directory (e.g. /usr/lib/postgresql/15/bin) on PATH" >&2; \
		exit 2; fi

# Parallel test workers (pytest-xdist): one per logical CPU by default; TEST_WORKERS=0 runs serially.
# loadgroup keeps each xdist_group on one worker (the timing-sensitive tests, docs/testing.md).
TEST_WORKERS ?= logical
PYTEST_ARGS ?=

unit: $(STAMP) postgres-binaries
	$(BIN)/python -m pytest -q -p no:cacheprovider -n $(TEST_WORKERS) --dist loadgroup \
		--durations=25 $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "no tests were collected: the suite is broken" >&2; exit 1; fi; \
	exit $$status

## Run the adplane command of this checkout: make adplane ARGS="users list"
adplane: $(STAMP)
	$(BIN)/adplane $(ARGS)

clean:
	rm -rf $(VENV) adplane-data .mypy_cache .ruff_cache
