# The single entry point: `make run` serves the site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WARTA := $(BIN)/warta
export WARTA_SECRET_KEY_FILE ?= $(CURDIR)/var/secret_key

.PHONY: run test bench lint install clean-var

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
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

# The whole suite on the embedded default (SQLite); then, when WARTA_TEST_DATABASE_URL
# names a PostgreSQL (CI sets it), everything but the browser tests again against it.
test: $(VENV)/.installed-test
	$(BIN)/ruff check warta tests bench
	$(BIN)/ruff format --check warta tests bench
	$(BIN)/lint-imports
	env -u WARTA_TEST_DATABASE_URL PYTHONPATH=. $(WARTA) makemigrations --check --dry-run --settings=tests.settings
	env -u WARTA_TEST_DATABASE_URL $(BIN)/pytest
	@if [ -n "$$WARTA_TEST_DATABASE_URL" ]; then \
		echo "== again on $$WARTA_TEST_DATABASE_URL =="; \
		$(BIN)/pytest -m "not browser"; \
	else \
		echo "WARTA_TEST_DATABASE_URL is not set: PostgreSQL run skipped"; \
	fi

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py
