# Stride: a Jupyter kernel in Swift.
#   make run    installs what is missing (Debian packages, Python env), builds in release mode,
#               installs the kernelspec into .venv and starts JupyterLab on notebooks/ (new
#               notebooks open with the Stride kernel: deploy/jupyter/jupyter_server_config.json).
#   make test   every Swift and Python test (what .ci/run runs).
#   make bench-kernel   Stride vs ipykernel startup/latency benchmark (not a test).
#   make lint [LINT_PATHS="Sources/X Tests/Y"]   swift format in lint mode (.swift-format; in make test);
#               make format rewrites the same files as it wants them.
# LAB_ARGS="--port 8899" passes options to JupyterLab.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
# OpenBLAS's GEMM kernels, pinned as in the kernelspec (kernelspec/kernel.json): the same bits on
# every x86-64 processor with AVX2, so tests and notebook checks agree across machines.
export OPENBLAS_CORETYPE ?= Haswell
SCRATCH ?= .build
SWIFT_BUILD := swift build --scratch-path $(SCRATCH)
STRIDE := $(SCRATCH)/release/stride
# Swift's runtime and Foundation linked into the binary: it starts faster (12 ms instead of 20),
# holds 5 MiB less when idle, and runs where no Swift toolchain is installed (deploy/docker).
RELEASE_FLAGS := --static-swift-stdlib
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages the build links against (see docs in README.md):
#   libzmq3-dev      ZeroMQ, the Jupyter transport (JupyterWire)
#   libssl-dev       libcrypto's HMAC-SHA256 for message signatures (JupyterWire)
#   libopenblas-dev  matrix products of the CNN engine (Tensor)
#   zlib1g-dev       PNG encoding and gzip data files (Graphics, NN)
#   libturbojpeg0-dev  JPEG files read by Tensor(imageFile:) (Graphics)
#   pkg-config       how SwiftPM finds the five above
# for `make run` and `make test`:
#   dataset-fashion-mnist  the Fashion-MNIST files the notebooks (and the data-set tests) read
# and for `make test` only:
#   chromium               headless browser that opens a notebook in JupyterLab (render test)
BUILD_PACKAGES := libzmq3-dev libssl-dev libopenblas-dev zlib1g-dev libturbojpeg0-dev pkg-config
RUN_PACKAGES := dataset-fashion-mnist
TEST_PACKAGES := dataset-fashion-mnist chromium

.PHONY: run test deps run-deps release venv kernelspec check-imports check-sizes tiles check-tiles lint format check-avx512 swift-test python-test \
        notebooks-check notebooks-check-avx2 image-steps test-deps fuzz bench-kernel clean

run: run-deps release venv kernelspec
	mkdir -p notebooks .jupyter
	@if [ -z "$${DISPLAY:-}" ]; then browser=--no-browser; else browser=; fi; \
	if [ "$$(id -u)" = 0 ]; then root=--allow-root; else root=; fi; \
	echo "Starting JupyterLab on notebooks/ (kernel: Swift (Stride))"; \
	JUPYTER_CONFIG_DIR=$(CURDIR)/.jupyter/config JUPYTER_RUNTIME_DIR=$(CURDIR)/.jupyter/runtime \
	  JUPYTER_CONFIG_PATH=$(CURDIR)/deploy/jupyter \
	  $(VENV)/bin/jupyter lab --ip=127.0.0.1 --notebook-dir=notebooks $$browser $$root $(LAB_ARGS)

test: test-deps release venv kernelspec check-imports check-sizes check-tiles lint check-avx512 swift-test fuzz python-test notebooks-check \
      notebooks-check-avx2 image-steps
	@echo "make test: all Swift and Python tests passed"

deps:
	@$(call install_missing,$(BUILD_PACKAGES))

run-deps: deps
	@$(call install_missing,$(RUN_PACKAGES))

test-deps: deps
	@$(call install_missing,$(TEST_PACKAGES))

# Installs the Debian packages of $(1) that are not installed yet, and says which and why.
define install_missing
missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
if [ -n "$$missing" ]; then \
  echo "Installing missing Debian packages:$$missing (why: see the comment at the top of the Makefile)"; \
  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
fi
endef

release:
	$(SWIFT_BUILD) -c release $(RELEASE_FLAGS) --product stride

venv: $(VENV)/.installed

# python/stride-papermill: papermill's parameter translator for Swift (papermill -p NAME VALUE).
PY_PACKAGES := $(wildcard python/stride-papermill/pyproject.toml python/stride-papermill/stride_papermill/*.py)

$(VENV)/.installed: requirements-test.txt $(PY_PACKAGES)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
	$(VENV)/bin/python -m pip install -q --disable-pip-version-check --no-deps ./python/stride-papermill
	touch $@

# The kernelspec goes into the venv (sys.prefix of its Python), where its Jupyter finds it.
kernelspec: release venv
	VIRTUAL_ENV=$(CURDIR)/$(VENV) $(STRIDE) install --sys-prefix

check-imports:
	bash scripts/check-imports.sh

# Every Swift file under 400 lines, every function under 60 (or a `size-budget:` comment why).
check-sizes:
	$(PYTHON) scripts/check-sizes.py

# The direct convolution's register tiles are generated from one template per algorithm
# (scripts/gen-tiles.py): `make tiles` writes them, `make check-tiles` fails when one is stale.
tiles:
	$(PYTHON) scripts/gen-tiles.py

check-tiles:
	$(PYTHON) scripts/gen-tiles.py --check

# swift format (shipped with the toolchain) in lint mode with the committed .swift-format (100
# columns): every compiled Swift file but the cell fixtures (Tests/*/Fixtures: their line numbers are
# in expected diagnostics), the cells of Benchmarks/lang and notebooks/src, and the generated tiles
# (marked swift-format-ignore-file). `make format` rewrites them in place.
LINT_PATHS ?= Sources Tests Benchmarks/StrideBench scripts
LINT_FILES = $(shell find $(LINT_PATHS) -name '*.swift' -not -path '*/Fixtures/*' | sort)
lint:
	@swift format lint --strict --configuration .swift-format --parallel $(LINT_FILES)
	@echo "lint: $(words $(LINT_FILES)) Swift files as swift format writes them"

format:
	swift format format --in-place --configuration .swift-format --parallel $(LINT_FILES)

# Only the TensorAVX512 tiles may use zmm registers (Tensor calls them after checking the CPU).
check-avx512: release
	bash scripts/check-avx512.sh $(STRIDE)

# Then the tests that need the process to themselves (page-fault counts), alone.
swift-test:
	swift test --scratch-path $(SCRATCH) --disable-xctest
	STRIDE_TEST_ALONE=1 swift test --scratch-path $(SCRATCH) --disable-xctest --skip-build \
	  --filter AllocatorPolicyTests

# pytest exit 5 means it collected no test: say so loudly rather than failing on it.
python-test:
	@status=0; $(VENV)/bin/python -m pytest -v -rA --durations=15 Tests/integration || status=$$?; \
	if [ $$status -eq 5 ]; then echo "WARNING: pytest collected no integration test"; status=0; fi; \
	exit $$status

# libFuzzer over the language's parse-and-evaluate, and over the runtime's built-ins with extreme
# arguments (its first run builds the runtime's modules instrumented, a few minutes; later runs reuse
# them), a fixed number of runs each on the committed corpora.
# With release's flags, so the fuzzers reuse its swift-syntax build instead of rebuilding it.
fuzz:
	STRIDE_BUILD_FLAGS="$(RELEASE_FLAGS)" bash scripts/fuzz-lang.sh 3000
	STRIDE_BUILD_FLAGS="$(RELEASE_FLAGS)" bash scripts/fuzz-runtime.sh 3000

# Re-executes every notebook through the installed kernelspec (nbclient) and compares its text
# outputs with the committed ones, timings aside; the student assignment must fail its tests.
notebooks-check: kernelspec
	$(VENV)/bin/python scripts/notebooks.py check

# The same check as a processor without AVX-512 runs it (the SIMD8 conv tiles; OpenBLAS is pinned
# by the kernelspec): the committed outputs must come out bit for bit on either kind.
notebooks-check-avx2: kernelspec
	STRIDE_SIMD=avx2 $(VENV)/bin/python scripts/notebooks.py check

# The steps of deploy/docker/Dockerfile on this machine (no Docker engine needed): the binary into
# an image-like prefix, its kernelspec and the papermill translator into a fresh venv (the image's
# Python environment), Fashion-MNIST decoded into the prefix's shared cache, then a kernel from
# that kernelspec must answer and map the cache.
IMAGE_STEPS := $(CURDIR)/.image-steps
image-steps: release venv
	rm -rf $(IMAGE_STEPS) && mkdir -p $(IMAGE_STEPS)
	STRIDE_SCRATCH=$(SCRATCH) STRIDE_BUILD_FLAGS="$(RELEASE_FLAGS)" bash deploy/docker/stride-image.sh build . $(IMAGE_STEPS)/opt
	$(PYTHON) -m venv $(IMAGE_STEPS)/env
	PATH=$(IMAGE_STEPS)/env/bin:$$PATH bash deploy/docker/stride-image.sh install $(IMAGE_STEPS)/opt
	JUPYTER_PATH=$(IMAGE_STEPS)/env/share/jupyter STRIDE_CHECK_PYTHON=$(CURDIR)/$(VENV)/bin/python \
	  bash deploy/docker/stride-image.sh check $(IMAGE_STEPS)/opt
	rm -rf $(IMAGE_STEPS)

bench-kernel: release venv kernelspec
	bash scripts/bench-kernel.sh

clean:
	rm -rf $(SCRATCH) $(VENV) .jupyter
