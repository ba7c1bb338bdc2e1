# Hiwar: `make build` and `make test` set up everything they need on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
export PYTHONPATH := $(CURDIR)/scripts
# MkDocs 1.6 announces MkDocs 2.0 on every run; the project builds with 1.x (or ProperDocs) on purpose.
export NO_MKDOCS_2_WARNING := 1
# Builds are reproducible: dates MkDocs writes (sitemap) come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1577836800)
# Compiled Python (the project's modules, the tests' rewritten asserts) is kept beside the environment, not in the
# source tree, even where the shell says not to write it: every build and test process would compile it again.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/$(VENV)/pycache

SEEDS ?= seeds
OUT ?= build/pages
# Translations and metadata belong to this project's seeds; another folder brings its own: EDITORIAL=DIR
EDITORIAL ?= $(if $(filter seeds seeds/,$(SEEDS)),editorial,)
ZIP := dist/hiwar-offline.zip

.PHONY: build recover pages serve lint test test-setup test-long assets clean bench bench-search bench-summary test-tools audit deploy nginx-conf

## Environments ---------------------------------------------------------------
$(VENV)/.build-deps: requirements.txt constraints.txt scripts/install-build-tools.sh
	bash scripts/install-build-tools.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

# After the plugin's install (order only): two pip processes never write the same environment at once.
$(VENV)/.test-deps: $(VENV)/.build-deps requirements-test.txt requirements-properdocs.txt | $(VENV)/.plugin
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Site -------------------------------------------------------------------------
ASSETS := build/assets

# The font subset the site bundles (from the pinned npm package) and the web app's icons (drawn in the theme's
# colour); the plugin adds build/assets/ to the site. Made again only when the font package, the code or the
# configuration (the palette) changes.
assets: $(ASSETS).made
$(ASSETS).made: $(VENV)/.build-deps $(VENV)/.plugin node_modules/.installed scripts/hiwar/site/assets.py \
  scripts/hiwar/site/webapp/icons.py scripts/hiwar/site/webapp/manifest.py mkdocs.yml
	rm -rf $(ASSETS)
	$(PY) -m hiwar assets --out $(ASSETS)
	touch $@

# The plugin (scripts/hiwar, registered as `hiwar` in pyproject.toml) installed into the environment.
$(VENV)/.plugin: $(VENV)/.build-deps pyproject.toml
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# One build makes every edition, the offline edition and the downloads in build/stage/ (pages unchanged since the
# last build come from its store, build/cache/), then site/, site-offline/ and dist/ are switched into place together,
# or not at all; a second build waits for the first (python -m hiwar build). ENGINE=properdocs builds with ProperDocs
# (the continuation of MkDocs 1.x) instead of MkDocs; VERBOSE=1 shows the engine's messages and the pages it
# rendered and reused.
ENGINE ?= mkdocs
ENGINE_DEPS := $(if $(filter properdocs,$(ENGINE)),$(VENV)/.properdocs)
build: assets recover $(ENGINE_DEPS)
	$(PY) -m hiwar build --engine $(ENGINE) $(if $(VERBOSE),--verbose)
	@echo "built: site/ (online), site-offline/, dist/ ($(ZIP), opens from file://; the e-books and Kiwix files); report: build/report.txt"

# Every target first completes a switch of outputs that a stopped build left half done (a kill, a power cut).
recover: $(VENV)/.build-deps $(VENV)/.plugin
	@$(PY) -m hiwar recover

# ProperDocs 1.6.7, installed beside MkDocs: `make build ENGINE=properdocs`.
$(VENV)/.properdocs: $(VENV)/.build-deps requirements-properdocs.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-properdocs.txt -c constraints.txt
	touch $@

# The converter alone, on any folder of seeds: make pages SEEDS=DIR OUT=DIR
pages: $(VENV)/.build-deps $(VENV)/.plugin recover
	$(PY) -m hiwar pages --seeds "$(SEEDS)" --out "$(OUT)" $(if $(EDITORIAL),--editorial "$(EDITORIAL)")

# Live preview (make serve [SERVE_ADDR=HOST:PORT]): the site as `make build` makes it, served on 127.0.0.1:8000 from the
# build's store (it starts from the last build: after `make build` nothing is rendered again); a saved seed, editorial
# file, page of docs/ or template rebuilds only what it changes, and open pages reload.
SERVE_ADDR ?= 127.0.0.1:8000
serve: assets recover $(ENGINE_DEPS)
	$(PY) -m hiwar serve --addr $(SERVE_ADDR) --engine $(ENGINE) $(if $(VERBOSE),--verbose)

## Publishing ---------------------------------------------------------------------
# make deploy REMOTE=origin BRANCH=gh-pages: the last successful build's site/ (nothing is rebuilt) committed to
# BRANCH with ghp-import, as `mkdocs gh-deploy` does (.nojekyll; CNAME when HIWAR_SITE_URL names a custom domain),
# and pushed to REMOTE (a remote's name, a URL or a path).
SITE ?= site
REMOTE ?= origin
BRANCH ?= gh-pages
deploy: $(VENV)/.plugin recover
	$(PY) -m hiwar_tools.deploy --site "$(SITE)" --remote "$(REMOTE)" --branch "$(BRANCH)"

# make nginx-conf [ROOT=/srv/hiwar/site] [LISTEN=80] [SERVER_NAME=hiwar.example.org]: build/nginx/hiwar.conf, the
# nginx configuration for the last build (deploy/nginx.conf with the headers of scripts/hiwar/site/headers.py).
ROOT ?= $(CURDIR)/$(SITE)
LISTEN ?= 80
SERVER_NAME ?= _
nginx-conf: $(VENV)/.plugin recover
	$(PY) -m hiwar nginx --site "$(SITE)" --root "$(ROOT)" --listen "$(LISTEN)" --server-name "$(SERVER_NAME)" \
	  --out build/nginx/hiwar.conf

## Benchmarks (print figures; never part of the tests) ---------------------------
EASC ?= ../shared/benchmarks/easc

# make bench-summary [EASC=PATH]: ROUGE of the automatic summary against Lead on EASC
bench-summary: $(VENV)/.build-deps
	$(PY) -m hiwar_tools.bench_summary "$(EASC)"

# make bench [BENCH="5 200 1000"] [BENCH_FLAGS="--keep DIR --json FILE --runs 2 --skip-serve --skip-browser"]:
# cold and warm `make build` against one plain MkDocs build, memory, sizes, preview latency, search in the browser
BENCH ?= 5 200 1000
bench: $(VENV)/.test-deps test-tools assets
	$(PY) -m hiwar_tools.bench_archive $(BENCH_FLAGS) $(BENCH)

# make bench-search [BENCH_SEARCH="1000 10000"] [PAGEFIND=PYTHON]: the search index at scale, in the test browser;
# PAGEFIND names a Python with pagefind[extended] installed, to compare with Pagefind
BENCH_SEARCH ?= 1000
bench-search: $(VENV)/.test-deps test-tools
	$(PY) -m hiwar_tools.bench_search $(if $(PAGEFIND),--pagefind "$(PAGEFIND)") $(BENCH_SEARCH)

# make audit: Lighthouse medians for four pages, then the zero-held checks (axe, HTML, links, requests)
tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

audit: $(VENV)/.test-deps build test-tools tools/lighthouse/node_modules/.installed
	$(PY) -m hiwar_tools.audit site

## Tests ------------------------------------------------------------------------
# After the build's own tools (install-build-tools.sh): two apt-get processes never wait on each other's lock.
test-tools: $(VENV)/.build-deps
	bash scripts/install-test-tools.sh

# make lint: ruff's checks and its formatter (as a check) on the code and the tests, mypy --strict on the model
# (settings in pyproject.toml; `.venv/bin/ruff format scripts tests` formats).
lint: $(VENV)/.test-deps
	$(PY) -m ruff check scripts tests
	$(PY) -m ruff format --check scripts tests
	$(PY) -m mypy

# make test's set-up, two steps at a time: the test packages (pip), the test tools (apt, npm), the build and the lint
# are independent of each other, and each spends part of its time waiting on the network or the disk.
test-setup:
	$(MAKE) --no-print-directory --output-sync=target -j2 $(VENV)/.test-deps test-tools build lint

# make test: the lint, then every test but the long runs (README, "Tests"), on every core. The test files are handed
# to the workers in the order conftest.py gives them (longest first), not reordered by their number of tests.
PYTEST := $(PY) -m pytest -n auto --dist loadfile --no-loadscope-reorder
test: test-setup
	$(PYTEST) -m "not long" tests

# make test-long: the long property runs (hostile strings in every field: 120 sites; in-place build = clean build:
# 20 sequences of 12 steps; kills at every step of publishing and at 10 moments of building) and the browser-heavy
# audits of every page (axe, the Nu HTML Checker, every link and anchor). CI runs it after make test.
LONG_RUNS := HIWAR_LONG=1 HIWAR_HOSTILE_EXAMPLES=120 HIWAR_REBUILD_EXAMPLES=20 HIWAR_REBUILD_STEPS=12 HIWAR_FAULT_MOMENTS=10
test-long: $(VENV)/.test-deps build test-tools
	$(LONG_RUNS) $(PYTEST) tests/test_hostile_inputs.py tests/test_rebuild_equals_clean.py \
	  tests/test_build_faults.py
	$(PYTEST) -m long tests --ignore=tests/test_hostile_inputs.py \
	  --ignore=tests/test_rebuild_equals_clean.py --ignore=tests/test_build_faults.py

# Exactly what the build made (the environments .venv/ and node_modules/ stay).
clean:
	rm -rf site site-offline dist build
