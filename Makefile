# The project's verbs. `make` (or `make help`) lists them.

PYTHON ?= python3
VENV = .venv
BIN = $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
# Debian's HAProxy, in front of the replicas in `make scale-test` and tests/scale.
HAPROXY ?= /usr/sbin/haproxy
PIP_INSTALL = $(BIN)/python -m pip install --disable-pip-version-check --quiet
RUN_STAMP = $(VENV)/.installed-run
DEV_STAMP = $(VENV)/.installed-dev
# axe-core, from the npm registry, which the browser tests inject to check accessibility.
AXE = tests/browser/node_modules/axe-core/axe.min.js
# plotly.js's own partial bundles, from the npm registry, which the static chart pages load.
PLOTLY_BUNDLES = components/publish/plotly_bundles/node_modules/plotly.js-basic-dist-min/plotly-basic.min.js
# checkov (make lint: the k8s manifests and the Dockerfile) in an environment of its own: its
# pins (packaging<24) cannot live beside pytest's in $(VENV). hadolint comes from requirements-dev.
CHECKOV_VERSION = 3.3.30
CHECKOV_VENV = $(VENV)/checkov
CHECKOV_STAMP = $(CHECKOV_VENV)/.installed-$(CHECKOV_VERSION)
# Extra arguments for `make run`, e.g. make run ARGS="--server.port 8600"
ARGS ?=

.DEFAULT_GOAL := help
# pytest for one layer on two workers (the machine's cores), each taking the next test as it
# finishes one (worksteal: a file of long grids no longer holds one worker to the end). The fast
# loop leaves out the tests marked slow (the long grids and the URL fuzzing), stops at the first
# failure and starts with the tests that failed last time; the full run reports every failure.
PYTEST_LAYER = $(BIN)/python -m pytest -n 2 --dist worksteal -q
PYTEST_FAST = $(PYTEST_LAYER) -x --ff -m "not slow"

.PHONY: help run check test validate lint clean chromium export screenshots loadtest bench shim-bench geocode \
	previews \
	haproxy scale-test mutation lint-deploy

# List the verbs.
help:
	@echo "make run       start the dashboard (streamlit run dashboard.py) in $(VENV)"
	@echo "make check     the fast loop (about a minute): lint, unit tests, AppTest"
	@echo "make test      everything CI runs: lint, unit, AppTest, then the real-Chromium tests"
	@echo "make validate  check the data package in data/ and list any problems"
	@echo "make export    every chart as files, static embeds and a gallery into exports/ (ARGS=\"--static-url URL --app-url URL\")"
	@echo "make screenshots  PNG of every page and embed (id/en, desktop/phone) into screenshots/"
	@echo "make loadtest  30 simulated readers at once (ARGS=\"--readers N\"); success rate, p50/p95, memory"
	@echo "make bench     time and weigh every page against its static export; bench/results.json"
	@echo "make shim-bench  each Streamlit shim's gain, pages timed with and without it; bench/shims.json"
	@echo "make scale-test  2 replicas behind HAProxy, 60 readers, one replica killed; bench/scale.json"
	@echo "make lint      ruff check . and the import-linter contracts (the layers of components/)"
	@echo "make mutation  mutmut over the pure layers, then the score (ARGS=\"--max-children 1\", a mutant glob, --score)"
	@echo "make geocode   refresh the capital coordinates in data/capitals_geocoded.csv (needs a network)"
	@echo "make previews  remake the live embeds' first-paint images in data/cache/previews/ (kaleido)"
	@echo "make clean     remove $(VENV) and the tool caches"
	@echo "make chromium  install Debian chromium if it is missing (as root)"
	@echo "make haproxy   install Debian haproxy if it is missing (as root)"

# Start the dashboard locally.
run: $(RUN_STAMP)
	$(BIN)/python -m streamlit run dashboard.py $(ARGS)

# The fast loop while changing code: lint, then the unit and AppTest layers, fastest first.
check: $(DEV_STAMP) $(PLOTLY_BUNDLES) lint-deploy
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(PYTEST_FAST) tests/unit
	$(PYTEST_FAST) tests/app

# Lint, then every test layer, unit first (the browser tests need Debian chromium and axe-core).
# tests/scale needs Debian haproxy.
test: $(DEV_STAMP) chromium haproxy $(AXE) lint-deploy $(PLOTLY_BUNDLES)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(PYTEST_LAYER) tests/unit
	$(PYTEST_LAYER) tests/app
	$(BIN)/python -m pytest -q tests/security
	$(BIN)/python -m pytest -q tests/browser
	$(BIN)/python -m pytest -q tests/scale

# Validate the data package: exits 1 and lists the problems if it is invalid.
validate: $(RUN_STAMP)
	$(BIN)/python -m components.data.validate

# Refresh the capital coordinates cache from OpenStreetMap Nominatim (geopy, 1 request a second).
geocode: $(RUN_STAMP)
	$(BIN)/python -m components.map.geocoding

# Remake the live embeds' first-paint images (data/cache/previews/, committed) with kaleido and
# chromium; tests/unit/test_first_paint.py says when the data or a chart has outgrown them.
previews: $(RUN_STAMP) chromium
	$(BIN)/python -m components.publish.first_paint

# Mutation testing of the pure layers ([tool.mutmut] in pyproject.toml): mutmut plants bugs in a
# copy under mutants/, runs the unit tests that reach each, and tools/mutation.py prints the score.
# Verdicts are kept in mutants/: a rerun tests only what changed. .venv/bin/mutmut results lists
# the survivors. ARGS: --max-children N (default 2), mutant names or globs, or --score alone.
mutation: $(DEV_STAMP)
	$(BIN)/python tools/mutation.py $(ARGS)

# Lint all Python code, then the deploy files.
lint: $(DEV_STAMP) lint-deploy
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# The container recipe (hadolint) and the Kubernetes manifests (checkov, offline): about 10 s.
lint-deploy: $(DEV_STAMP) $(CHECKOV_STAMP)
	$(BIN)/hadolint Dockerfile
	$(CHECKOV_VENV)/bin/checkov --quiet --compact --skip-download --framework kubernetes -d deploy/k8s
	$(CHECKOV_VENV)/bin/checkov --quiet --compact --skip-download --framework dockerfile -f Dockerfile

$(CHECKOV_STAMP): | $(BIN)/python
	$(PYTHON) -m venv $(CHECKOV_VENV)
	$(CHECKOV_VENV)/bin/python -m pip install --disable-pip-version-check --quiet checkov==$(CHECKOV_VERSION)
	@touch $@

# Write every chart in both languages as HTML, PNG, SVG and CSV, the static chart pages for
# embeds and a gallery with their snippets, into exports/ (ARGS="--static-url URL --app-url URL").
# The dev set-up: Playwright measures each static chart page's height in chromium.
export: $(DEV_STAMP) chromium $(PLOTLY_BUNDLES)
	$(BIN)/python -m components.publish.static_export $(ARGS)

# Screenshot every page and embedded chart, both languages, desktop and phone, into screenshots/.
screenshots: $(DEV_STAMP) chromium
	$(BIN)/python -m tools.screenshots $(ARGS)

# N simulated readers (default 30) open every page at once on loopback; reports p50/p95, memory.
loadtest: $(DEV_STAMP) chromium
	$(BIN)/python -m tools.loadtest $(ARGS)

# Benchmark every page against its static export and the targets; writes bench/results.json.
bench: $(DEV_STAMP) chromium $(PLOTLY_BUNDLES)
	$(BIN)/python -m tools.bench $(ARGS)

# What each Streamlit shim still gains: pages timed with and without it, in paired runs;
# writes bench/shims.json (ARGS="--runs N --pages map --shims plotly-draw-once").
shim-bench: $(DEV_STAMP) chromium $(PLOTLY_BUNDLES)
	$(BIN)/python -m tools.shim_bench $(ARGS)

# Replicas behind HAProxy on loopback, 60 readers through it, one replica killed part-way:
# failed page views, recovery, p50/p95 against a lone reader; writes bench/scale.json.
scale-test: $(DEV_STAMP) haproxy
	HAPROXY=$(HAPROXY) $(BIN)/python -m tools.scale_test $(ARGS)

# Remove the virtual environment and caches (any verb rebuilds the environment).
clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

# Make sure Debian chromium is installed (installs it when running as root).
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "$(CHROMIUM) is missing: installing Debian chromium"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
		echo "error: $(CHROMIUM) is missing; the browser tests need Debian chromium." >&2; \
		echo "       Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2; \
		echo "       (do not use 'playwright install': it downloads a browser and fails here)" >&2; \
		exit 1; \
	fi

# Make sure Debian haproxy is installed (installs it when running as root). Only the binary is
# used: the package's own service is not needed (a container has no init to start it anyway).
haproxy:
	@if [ -x "$(HAPROXY)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "$(HAPROXY) is missing: installing Debian haproxy"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy; \
	else \
		echo "error: $(HAPROXY) is missing; make scale-test and tests/scale need Debian haproxy." >&2; \
		echo "       Install it with: sudo apt-get update && sudo apt-get install -y haproxy" >&2; \
		exit 1; \
	fi

# Install the pinned plotly.js bundles from the npm registry (package-lock.json).
$(PLOTLY_BUNDLES): components/publish/plotly_bundles/package.json components/publish/plotly_bundles/package-lock.json
	npm ci --prefix components/publish/plotly_bundles --no-audit --no-fund --loglevel=error
	@touch $@

# Install the pinned browser-test tools from the npm registry (package-lock.json).
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	@touch $@

# Create the virtual environment if it is missing.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Install runtime requirements; re-run only when requirements.txt changes.
$(RUN_STAMP): requirements.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements.txt
	@touch $@

# Install dev requirements (they include the runtime ones); re-run only when a file changes.
$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements-dev.txt
	@touch $@ $(RUN_STAMP)
