# Two commands for a newcomer: `make run` and `make test`. Only python3 (>= 3.11) and make needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
KB ?= knowledge

.PHONY: run test bench eval check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml setup.py | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/briefing --kb $(KB)

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2

check: $(STAMP)
	$(BIN)/briefing check $(KB)

eval: $(STAMP)
	$(BIN)/briefing eval ../shared/eval/dev_queries.yaml --kb $(KB)

bench: $(STAMP)
	$(BIN)/python -m briefing.bench.search
	$(BIN)/python -m briefing.bench.startup
	$(BIN)/python -m briefing.bench.imports
	$(BIN)/python -m briefing.bench.lint

clean:
	rm -rf $(VENV) build *.egg-info
