# Everything a fresh Debian/Ubuntu machine needs is installed by these targets; nothing by hand.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := tesseract-ocr tesseract-ocr-kor tesseract-ocr-eng fonts-nanum fonts-nanum-extra age minisign
# tesseract uses every core per page by default; one thread per process is several times faster here.
export OMP_THREAD_LIMIT ?= 1

.PHONY: setup system-packages services demo test bench lint typecheck clean

system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

setup: system-packages $(VENV)/.installed

demo: setup
	$(BIN)/relay demo --out demo-out

services:
	@bash scripts/services.sh

test: setup services
	$(BIN)/ruff check relay workers tests bench
	$(BIN)/ruff format --check relay workers tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/redaction.py
	$(BIN)/python bench/seal.py --quick
	$(BIN)/python bench/pipeline.py --memory-items 100

lint: setup
	$(BIN)/ruff check relay workers tests bench
	$(BIN)/ruff format --check relay workers tests bench

typecheck: setup
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo-out .pytest_cache .mypy_cache .ruff_cache
