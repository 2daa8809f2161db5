# Two commands do everything on a fresh machine: `make generate` and `make test`.
# Each creates .venv and installs what it needs on first use.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: generate check test lint accuracy bench clean

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
	$(PY) -m black --check --quiet codegen tests measure

## accuracy: measure max ULP per activation and dtype (and mlx.nn's) into measure/results/
accuracy: $(STAMP)
	$(PY) -m measure.accuracy

## bench: time every activation against mlx.nn on the CPU into measure/results/
bench: $(STAMP)
	$(PY) -m measure.speed

clean:
	rm -rf $(VENV) build generated/*.egg-info
