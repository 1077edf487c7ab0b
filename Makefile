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
	$(WARTA) collectstatic --noinput --verbosity 0
	$(WARTA) serve

test: $(VENV)/.installed-test
	$(BIN)/ruff check warta tests bench
	$(BIN)/lint-imports
	$(WARTA) makemigrations --check --dry-run --settings=tests.settings
	$(BIN)/pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py
