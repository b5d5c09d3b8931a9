# The developer workflow. `make serve` and `make test` work on a fresh clone.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve test test-fast lint index eval eval-stores bench bench-peers bench-milvus clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and pinned: pip then takes the local CPU wheel instead of a multi-GB CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	# then the project; pyproject pins setuptools>=77.0.3,<81: torch's floor, and pkg_resources for milvus-lite
	$(BIN)/pip install --quiet -e '.[test,lint]'
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(BIN)/qa serve

index: $(STAMP)
	$(BIN)/qa index

test: $(STAMP)
	$(BIN)/python -m pytest -q

# No browser, no server processes (uvicorn, Milvus Lite), nothing slow: about a minute.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not e2e and not slow and not milvus"

lint: $(STAMP)
	$(BIN)/ruff check qa api tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

eval: $(STAMP)
	$(BIN)/qa eval --compare dense,bm25,hybrid

eval-stores: $(STAMP)
	$(BIN)/qa eval --compare dense,bm25,hybrid --stores faiss,milvus

bench: $(STAMP)
	$(BIN)/qa bench

# txtai's API side by side (its own venv under bench/txtai/, ~2 minutes to install, 1.6 GB).
bench-peers: $(STAMP)
	bench/txtai/install
	$(BIN)/python -m qa.benchmarks.peers

bench-milvus: $(STAMP)
	$(BIN)/python -m qa.benchmarks.milvus_scale --out docs/scaling

clean:
	rm -rf $(VENV) index/CURRENT index/v-* index/.building-*
