# quizapp: the two commands of the README, and the checks.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint install clean bench quality

# Create the virtual environment and install the project (again only when pyproject.toml changes).
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## make run: set everything up and serve the app at http://$(HOST):$(PORT)
run: $(STAMP)
	$(BIN)/quizapp db upgrade
	$(BIN)/quizapp seed
	$(BIN)/quizapp run --host $(HOST) --port $(PORT)

## make test: set everything up and run the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -x -q -m "not slow and not browser"

lint: $(STAMP)
	$(BIN)/ruff check quizapp tests bench
	$(BIN)/ruff format --check quizapp tests bench || true
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/generation.py

quality: $(STAMP)
	$(BIN)/python bench/quality.py ../shared/eval/dev -o bench/out/quality.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
