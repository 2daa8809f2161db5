# Two commands do everything on a fresh machine: `make generate` and `make test`.
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate check test lint accuracy audit bench docs docs-check clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## generate: regenerate generated/ from spec/activations.yaml and templates/
generate: $(STAMP)
	$(PY) -m codegen

## check: fail if generated/ does not match the spec, templates and generator
check: $(STAMP)
	$(PY) -m codegen --check

## test: the generator's tests and the generated tests
test: $(STAMP)
	$(PY) -m pytest -q

## lint: formatting of the hand-written code
lint: $(STAMP)
	$(PY) -m black --check --quiet codegen tests measure tools

DOCS_STAMP := $(VENV)/.docs-installed
MATHJAX := build/node/node_modules/mathjax/es5/tex-chtml.js

$(DOCS_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,docs]'
	@touch $(DOCS_STAMP)

$(MATHJAX):
	npm install --silent --prefix build/node mathjax@3.2.2

## docs: the HTML site, from generated/docs plus plots, into build/docs/html (warnings are errors)
docs: $(DOCS_STAMP) $(MATHJAX)
	rm -rf build/docs/src && mkdir -p build/docs && cp -r generated/docs build/docs/src
	mkdir -p build/docs/src/_static && cp -r build/node/node_modules/mathjax/es5 build/docs/src/_static/mathjax
	$(PY) -m tools.plots build/docs/src/_plots
	$(PY) -m sphinx -W --keep-going -q -b html build/docs/src build/docs/html
	$(PY) -m tools.verify_docs build/docs/html
	@echo "docs: open build/docs/html/index.html"

## docs-check: render pages in headless Chromium; checks plots, math and signatures; screenshots
docs-check: docs
	command -v chromedriver >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium chromium-driver)
	$(PY) -m pip install --quiet -e '.[dev,docs,docs-check]'
	$(PY) -m tools.docs_check build/docs/html

## accuracy: measure max ULP per activation and dtype (and mlx.nn's) into measure/results/
accuracy: $(STAMP)
	$(PY) -m measure.accuracy

## audit: a dense sweep of every element-wise float32 formula for error spikes between grid points
audit: $(STAMP)
	$(PY) -m measure.audit

## bench: count the kernels of every activation, and time it against mlx.nn on the CPU, into measure/results/
bench: $(STAMP)
	$(PY) -m measure.kernels
	$(PY) -m measure.speed --memory

clean:
	rm -rf $(VENV) build generated/*.egg-info
