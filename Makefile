# Two commands matter: `make run` (set up and serve demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_COUNT ?= 2000
DEMO_DIR := instance/demo-extract
PORT ?= 5000
WORKERS ?= 2
THREADS ?= 16

.PHONY: run dev test setup install translations demo lint bench wheel clean axe

# Production server (gunicorn, gunicorn.conf.py) on http://127.0.0.1:$(PORT).
run: setup
	PORT=$(PORT) NOTICES_WORKERS=$(WORKERS) NOTICES_THREADS=$(THREADS) $(BIN)/gunicorn

# Flask's development server with reloading (never for the public).
dev: setup
	$(BIN)/notices run --debug --port $(PORT)

setup: install instance/config.py demo

install: $(BIN)/.installed translations

$(BIN)/.installed: setup.cfg pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Compiled catalogues (.mo) are build output: compile those older than their .po.
translations: $(BIN)/.installed
	scripts/i18n compile

# A random secret for this checkout; the service refuses to serve with the default one.
instance/config.py:
	mkdir -p instance
	$(BIN)/python -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

# Demo data goes only into an empty database or one holding demo data (never over staff data).
demo: install
	test -f $(DEMO_DIR)/DEMO.txt || $(BIN)/notices demo-data $(DEMO_DIR) --count $(DEMO_COUNT)
	$(BIN)/notices demo-load $(DEMO_DIR)

test: install axe
	scripts/test

# axe-core (pinned in package-lock.json) for the browser tests' accessibility checks, when npm
# is installed; without it those checks are skipped, each saying why.
axe:
	@if [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then \
	  npm ci --silent --no-audit --no-fund; fi

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: install
	$(BIN)/python scripts/bench

wheel: install
	rm -rf dist && $(BIN)/pip wheel --no-deps --quiet -w dist .

clean:
	rm -rf $(VENV) instance build dist *.egg-info node_modules test-artifacts bench-results \
	  .hypothesis .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find notices/translations -name '*.mo' -delete
