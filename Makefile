# Two commands matter: `make run` (set up and serve demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_COUNT ?= 2000
DEMO_DIR := instance/demo-extract
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test setup install translations demo lint bench clean

run: setup
	$(BIN)/notices run --host $(HOST) --port $(PORT)

setup: install instance/config.py demo

install: $(BIN)/.installed translations

$(BIN)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Compiled catalogues (.mo) are build output: compile those older than their .po.
translations: $(BIN)/.installed
	$(BIN)/python scripts/i18n compile

# A random secret for this checkout; the service refuses to serve with the default one.
instance/config.py:
	mkdir -p instance
	$(BIN)/python -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

demo: install
	test -f $(DEMO_DIR)/DEMO.txt || $(BIN)/notices demo-data $(DEMO_DIR) --count $(DEMO_COUNT)
	$(BIN)/notices db upgrade
	$(BIN)/notices load $(DEMO_DIR) --full --allow-mass-withdrawal
	$(BIN)/notices index rebuild

test: install
	scripts/test

lint: install
	$(BIN)/ruff check .

bench: install
	$(BIN)/python scripts/bench

clean:
	rm -rf $(VENV) instance *.egg-info
