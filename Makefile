# The single entry point: `make run` serves the site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WARTA := $(BIN)/warta
export WARTA_SECRET_KEY_FILE ?= $(CURDIR)/var/secret_key

.PHONY: run run-prod test bench bench-prod soak hostile lint install clean-var

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

$(VENV)/.installed-prod: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[prod]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

# A random key made once per install; production sets WARTA_SECRET_KEY instead.
var/secret_key:
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: $(VENV)/.installed var/secret_key
	$(WARTA) migrate --noinput
	$(WARTA) demo --if-empty
	$(WARTA) reindex --if-empty
	$(WARTA) serve

# The production stack on this machine: the local PostgreSQL and Redis
# (WARTA_DATABASE_URL, WARTA_REDIS_URL; see deploy/run_prod.py for the defaults),
# gunicorn, the view-count worker and nginx in front at http://$(EDGE_LISTEN)/.
EDGE_LISTEN ?= 127.0.0.1:8080
run-prod: $(VENV)/.installed-prod var/secret_key
	$(BIN)/python deploy/run_prod.py --listen $(EDGE_LISTEN)

# The whole suite on the embedded default (SQLite); when WARTA_TEST_DATABASE_URL names a
# PostgreSQL (CI sets it), everything but the browser tests against it too, at the same
# time on the other core (tests/both_modes.py).
test: $(VENV)/.installed-test
	$(BIN)/ruff check warta tests bench deploy
	$(BIN)/ruff format --check warta tests bench deploy
	$(BIN)/lint-imports
	env -u WARTA_TEST_DATABASE_URL PYTHONPATH=. $(WARTA) makemigrations --check --dry-run --settings=tests.settings
	@if [ -n "$$WARTA_TEST_DATABASE_URL" ]; then \
		$(BIN)/python tests/both_modes.py; \
	else \
		echo "WARTA_TEST_DATABASE_URL is not set: PostgreSQL run skipped"; \
		$(BIN)/pytest; \
	fi

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

# The hostile-input tests alone (tests/hostile/, the API's schemathesis run), ending
# with how many inputs they tried and how many broke something; on the embedded
# default, then on WARTA_TEST_DATABASE_URL when set. HYPOTHESIS_PROFILE=deep tries
# twenty times as many, new ones each run.
HOSTILE_TESTS := tests/hostile tests/api/test_openapi_properties.py
hostile: $(VENV)/.installed-test
	env -u WARTA_TEST_DATABASE_URL $(BIN)/pytest -q $(HOSTILE_TESTS)
	@if [ -n "$$WARTA_TEST_DATABASE_URL" ]; then \
		echo "== again on $$WARTA_TEST_DATABASE_URL =="; \
		$(BIN)/pytest -q $(HOSTILE_TESTS); \
	fi

# The embedded default under load while a 50,000-article import and a backup run, then
# the crash harness of tests/crash/ (bench/soak.py). SOAK_SECONDS (300), SOAK_KILLS (10).
soak: $(VENV)/.installed-test
	$(BIN)/python bench/soak.py

# The production stack (local PostgreSQL, a private Redis, gunicorn, the beacon
# service, nginx) against issue 5's ratios; add BENCH_PROD_ARGS=--scale for 1M articles.
bench-prod: $(VENV)/.installed-test
	$(BIN)/python bench/prod.py $(BENCH_PROD_ARGS)
