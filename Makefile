# The two commands of the README: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=
# The suite runs on every core (pytest-xdist), at most four: each worker takes its own test
# database and Redis database (tests/settings.py). PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto
BENCH_ARGS ?=

.PHONY: run test lint bench install messages migrate demo clean

$(BIN)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# ical.js (Mozilla's iCalendar parser, under node) is for the tests only: `make run` does not
# need node, `make install` and `make test` do, and say so when npm is missing.
node_modules/.installed: package.json package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  echo "make install: node and npm are needed for the tests (ical.js reads the calendar feeds);" \
	       "install them (Debian: apt-get install nodejs npm) and run it again." >&2; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

install: $(BIN)/.installed node_modules/.installed

# Catalogues are compiled with Babel so that a machine without GNU gettext can run.
messages: $(BIN)/.installed
	$(BIN)/pybabel compile --domain django --directory locale --statistics

# Local state (SQLite database, embedded broker, beat schedule) lives in var/.
migrate: messages
	mkdir -p $${VAR_DIR:-var}
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo --if-empty

run: export DEBUG ?= true
run: export DEMO_ADMIN_PASSWORD ?= admin
run: export WEB_PORT := $(PORT)
# Links in feeds, e-mails and run-sheets point at the port this serves.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: export PATH := $(CURDIR)/$(BIN):$(PATH)
run: demo
	@echo
	@echo "  Public home:        http://127.0.0.1:$(PORT)/ (French: /fr/, English: /en/)"
	@echo "  Staff workspace:    http://127.0.0.1:$(PORT)/staff/ (today, agenda, run-sheets)"
	@echo "  Administration:     http://127.0.0.1:$(PORT)/admin/"
	@echo "  API and its docs:   http://127.0.0.1:$(PORT)/api/v1/docs"
	@echo "  Public calendar:    http://127.0.0.1:$(PORT)/calendars/public.ics"
	@echo "  Login:              admin / $$DEMO_ADMIN_PASSWORD (as set when the demo data was first loaded)"
	@echo "  Database:           $${DATABASE_URL:-SQLite in var/}; broker: $${REDIS_URL:-files in var/broker}"
	@echo "  Links in feeds and e-mails: $$SITE_URL"
	@echo "  Ctrl-C stops web, worker and beat."
	@echo
# Each line is prefixed with its process (web, worker, beat). Ctrl-C is the way to stop:
# honcho then exits 130 (143 on SIGTERM), which is not an error of `make run`.
	@$(BIN)/honcho start --procfile Procfile; status=$$?; [[ $$status =~ ^(0|130|143)$$ ]]

test: install messages
	$(BIN)/python tests/services.py $(BIN)/pytest -n $(PYTEST_WORKERS) --maxprocesses=4 $(PYTEST_ARGS)

# Ruff, then import-linter: dependencies point one way (the contracts in pyproject.toml).
lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo

bench: messages
	$(BIN)/python tests/services.py $(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf var staticfiles .pytest_cache
