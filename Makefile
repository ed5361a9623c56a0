# quizapp: the two commands of the README, and the checks.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
STAMP := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium
PG_TEST_URI ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
QUIZAPP_TEST_POSTGRES ?=

.PHONY: run test test-fast lint install clean bench quality screenshots test-postgres serve worker security load

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
	@test -x $(CHROMIUM) || echo "NOTE: $(CHROMIUM) not found: the browser tests (tests/browser) will be SKIPPED. Install it with: apt-get install -y chromium"
	$(BIN)/python -m pytest
	@if [ -n "$(QUIZAPP_TEST_POSTGRES)" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "NOTE: PostgreSQL run skipped; QUIZAPP_TEST_POSTGRES=1 make test runs the suite on it too"; fi

## make test-postgres: the suite again, on PostgreSQL ($(PG_TEST_URI)); the browser tests
## run a live server on a SQLite file of their own, so they run once, in the SQLite pass
test-postgres: $(STAMP)
	QUIZAPP_TEST_DATABASE_URI=$(PG_TEST_URI) $(BIN)/python -m pytest -m "not browser"

## make serve: production server (gunicorn, settings in gunicorn.conf.py) on $(HOST):$(PORT)
serve: $(STAMP)
	$(BIN)/quizapp db upgrade
	$(BIN)/quizapp seed
	GUNICORN_BIND=$(HOST):$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py

## make worker: run background imports from the RQ queue at $$QUIZAPP_REDIS_URL (see docs/operations.md)
worker: $(STAMP)
	$(BIN)/quizapp worker

## make load: load test against gunicorn on SQLite and PostgreSQL, beside a bare Flask baseline
load: $(STAMP)
	$(BIN)/python bench/load.py --users 16 --seconds 10

## make security: bandit on the package (configuration in pyproject.toml)
security: $(STAMP)
	$(BIN)/bandit -q -r quizapp -c pyproject.toml

## make screenshots: run the browser tests and write the pages' screenshots to docs/screenshots/
screenshots: $(STAMP)
	QUIZAPP_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/browser -k screenshot

## make test-fast: the suite without the tests marked slow or browser (under a minute: bench/RESULTS.md)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -x -q -m "not slow and not browser"

lint: $(STAMP)
	$(BIN)/ruff check quizapp tests bench
	$(BIN)/ruff format --check quizapp tests bench
	$(BIN)/mypy
	$(BIN)/bandit -q -r quizapp -c pyproject.toml

bench: $(STAMP)
	$(BIN)/python bench/generation.py

quality: $(STAMP)
	$(BIN)/python bench/quality.py ../shared/eval/dev -o bench/out/quality.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
