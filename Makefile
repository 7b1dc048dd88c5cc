# The two commands of the README, and the pieces they are made of.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Start adplane on its embedded defaults (SQLite, DuckDB, ./adplane-data) with demo data.
demo: $(STAMP)
	$(BIN)/adplane demo --host $${HOST:-127.0.0.1} --port $${PORT:-8000}

## Install everything and run the whole suite: lint, types, tests on SQLite and PostgreSQL.
test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest -q -p no:cacheprovider; status=$$?; \
	if [ $$status -eq 5 ]; then echo "no tests were collected: the suite is broken" >&2; exit 1; fi; \
	exit $$status

clean:
	rm -rf $(VENV) adplane-data .mypy_cache .ruff_cache
