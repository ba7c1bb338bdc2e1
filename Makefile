# Hiwar: `make build` and `make test` set up everything they need on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
export PYTHONPATH := $(CURDIR)/scripts
# Builds are reproducible: dates MkDocs writes (sitemap) come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1577836800)

SEEDS ?= seeds
OUT ?= build/pages
# Translations and metadata belong to this project's seeds; another folder brings its own: EDITORIAL=DIR
EDITORIAL ?= $(if $(filter seeds seeds/,$(SEEDS)),editorial,)
ZIP := dist/hiwar-offline.zip

.PHONY: build pages serve test assets clean bench bench-search bench-summary test-tools audit

## Environments ---------------------------------------------------------------
$(VENV)/.build-deps: requirements.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.build-deps requirements-test.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## Site -------------------------------------------------------------------------
ASSETS := build/assets
STAGE := build/next

# The font subset the site bundles (from the pinned npm package); the plugin adds build/assets/ to the site.
# Made again only when the font package or the code that subsets it changes.
assets: $(ASSETS).made
$(ASSETS).made: $(VENV)/.build-deps $(VENV)/.plugin node_modules/.installed scripts/hiwar/site/assets.py
	rm -rf $(ASSETS)
	$(PY) -m hiwar assets --out $(ASSETS)
	touch $@

# The plugin (scripts/hiwar, registered as `hiwar` in pyproject.toml) installed into the environment.
$(VENV)/.plugin: $(VENV)/.build-deps pyproject.toml
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# One MkDocs build makes every edition, the offline edition and its zip in build/next/, reusing the unchanged pages
# of the last build; then site/, site-offline/ and the zip are replaced together, or not at all.
# MKDOCS_LOG= shows MkDocs' messages (INFO): among them the pages each edition rendered and reused.
MKDOCS_LOG ?= --quiet
build: assets
	rm -rf $(STAGE)
	HIWAR_SITE_DIR=$(STAGE)/site HIWAR_OFFLINE_DIR=$(STAGE)/site-offline HIWAR_OFFLINE_ZIP=$(STAGE)/$(notdir $(ZIP)) \
	  HIWAR_PREVIOUS_SITE=site HIWAR_PREVIOUS_OFFLINE=site-offline HIWAR_PREVIOUS_ZIP=$(ZIP) $(MKDOCS) build --dirty $(MKDOCS_LOG)
	@# wiring: epub (the output contract will own this): --downloads publishes the books in dist/ too
	$(PY) -m hiwar publish --stage $(STAGE) --site site --offline site-offline --zip $(ZIP) --downloads dist
	@echo "built: site/ (online), site-offline/, $(ZIP) (opens from file://) and the e-books dist/hiwar-*.epub; report: build/report.txt"

# The converter alone, on any folder of seeds: make pages SEEDS=DIR OUT=DIR
pages: $(VENV)/.build-deps $(VENV)/.plugin
	$(PY) -m hiwar pages --seeds "$(SEEDS)" --out "$(OUT)" $(if $(EDITORIAL),--editorial "$(EDITORIAL)")

# Live preview on 127.0.0.1: a saved seed or editorial file re-renders only the pages it changes.
serve: assets
	$(MKDOCS) serve --dirty --dev-addr 127.0.0.1:8000 --livereload

## Benchmarks (print figures; never part of the tests) ---------------------------
EASC ?= ../shared/benchmarks/easc

# make bench-summary [EASC=PATH]: ROUGE of the automatic summary against Lead on EASC
bench-summary: $(VENV)/.build-deps
	$(PY) -m hiwar.tools.bench_summary "$(EASC)"

# make bench [BENCH="5 200 1000"] [BENCH_FLAGS="--keep DIR --json FILE --runs 2 --skip-serve --skip-browser"]:
# cold and warm `make build` against one plain MkDocs build, memory, sizes, preview latency, search in the browser
BENCH ?= 5 200 1000
bench: $(VENV)/.test-deps test-tools assets
	$(PY) -m hiwar.tools.bench_archive $(BENCH_FLAGS) $(BENCH)

# make bench-search [BENCH_SEARCH="1000 10000"] [PAGEFIND=PYTHON]: the search index at scale, in the test browser;
# PAGEFIND names a Python with pagefind[extended] installed, to compare with Pagefind
BENCH_SEARCH ?= 1000
bench-search: $(VENV)/.test-deps test-tools
	$(PY) -m hiwar.tools.bench_search $(if $(PAGEFIND),--pagefind "$(PAGEFIND)") $(BENCH_SEARCH)

# make audit: Lighthouse medians for four pages, then the zero-held checks (axe, HTML, links, requests)
tools/lighthouse/node_modules/.installed: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

audit: $(VENV)/.test-deps build test-tools tools/lighthouse/node_modules/.installed
	$(PY) -m hiwar.tools.audit site

## Tests ------------------------------------------------------------------------
test-tools:
	bash scripts/install-test-tools.sh

test: $(VENV)/.test-deps build test-tools
	$(PY) -m pytest tests

# Exactly what the build made (the environments .venv/ and node_modules/ stay).
clean:
	rm -rf site site-offline dist build
