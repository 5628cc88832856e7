# The two commands: `make run` and `make test`. Everything installs from the lock files.
SHELL := /bin/bash
# Development values, set explicitly: the settings default to production (DEBUG off), which
# refuses the development key. Set DEBUG=false in the environment to try production settings.
export DEBUG ?= true
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
export UV_PYTHON_DOWNLOADS := never
# Python keeps the bytecode it compiles (in __pycache__, ignored by git) even where the
# environment says not to: each process of the suite would otherwise compile every module it
# imports again, about 4.5 s of every start.
unexport PYTHONDONTWRITEBYTECODE
# pyenv reads .python-version (3.12); elsewhere any python3.12 on PATH does.
PYTHON ?= python3.12
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install serve migrate seed lint format check-migrations messages compilemessages lock bench screenshots clean

$(VENV)/.installed: requirements-dev.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9
	$(UV) pip install --quiet --python $(PY) --require-hashes -r requirements-dev.lock
	@touch $@

install: $(VENV)/.installed

compilemessages: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var -v 0

migrate: install compilemessages
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v 0

seed: migrate
	$(PY) manage.py seed_demo

run: seed
	@echo
	@echo "  Serving the Skills Innovation Network on http://$(HOST):$(PORT)/"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

# In parallel, one worker per core (pytest-xdist); PYTEST_ARGS="-n 0" runs it in one process.
test: install compilemessages
	$(PY) -m pytest -n auto $(PYTEST_ARGS)

# Phone screenshots (390 px) of the showcase, an event and the application review page, taken
# by the browser test that checks them, into docs/screenshots/ (needs /usr/bin/chromium).
screenshots: install compilemessages
	SCREENSHOT_DIR=docs/screenshots $(PY) -m pytest -p no:cacheprovider \
		tests/e2e/test_accessibility.py::test_phone_pages_fit_and_the_review_page_reads_in_order

# Ruff, then the import contracts of DESIGN.md §2 (pyproject.toml [tool.importlinter]).
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check-migrations: install
	$(PY) manage.py makemigrations --check --dry-run

messages: install
	$(PY) manage.py makemessages -l fr -l es --ignore=.venv --ignore=var --ignore=static/vendor --no-obsolete --no-location
	$(PY) manage.py makemessages -d djangojs -l fr -l es --ignore=.venv --ignore=var --ignore=static/vendor --no-obsolete --no-location

lock: install
	$(UV) pip compile pyproject.toml --python-version 3.12 --generate-hashes -q -o requirements.lock
	$(UV) pip compile pyproject.toml --extra dev --python-version 3.12 --generate-hashes -q -o requirements-dev.lock

# The load benchmark (bench/load_bench.py): 50k members, 100k innovations, 5k events and
# 20k resources on PostgreSQL, gunicorn with production settings, 20 connections for 30 s.
# Needs PostgreSQL and Redis at 127.0.0.1 and wrk; BENCH_ARGS passes options (--reseed, ...).
bench: install compilemessages
	$(PY) bench/load_bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var/staticfiles
