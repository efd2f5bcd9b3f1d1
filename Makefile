# Attune. `make serve` and `make test` do all the set-up themselves.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
SOURCES := $(sort $(wildcard content/*.md content/pages/*.md py/*.py py/*/*.py site/*.* site/builder/*.py)) package-lock.json
# The list of sources is a prerequisite too: it is rewritten (and so newer than dist/) only when a
# file was added or removed, which a list of files alone cannot show (a deleted file has no date).
SOURCE_LIST := .build-sources
$(shell printf '%s\n' $(SOURCES) | cmp -s - $(SOURCE_LIST) || printf '%s\n' $(SOURCES) > $(SOURCE_LIST))

.PHONY: help serve preview test build bench browser engines nginx clean

help:  ## Show this help
	@echo "Attune — make targets:"
	@echo "  make serve   set up, build and serve the app on http://127.0.0.1:$(PORT)"
	@echo "  make preview  serve it rebuilt and reloaded on every save, for writing articles"
	@echo "  make test    set up (including the browsers), run the linter, then every test"
	@echo "  make build   build the static site into dist/"
	@echo "  make bench   measure load, history-size and phone first-visit costs (ONLY=scale,phone: some)"
	@echo "  make clean   remove dist/, .venv/ and node_modules/"

$(VENV)/.stamp: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $@

node_modules/.stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

dist/index.html: $(VENV)/.stamp node_modules/.stamp $(SOURCES) $(SOURCE_LIST)
	cd site && ../$(PY) -m builder --content ../content --out ../dist

build: dist/index.html  ## Build dist/

# Chromium: Debian's where present or installable (root + apt), else Playwright's own build.
browser: $(VENV)/.stamp
	@if [ -x /usr/bin/chromium ]; then echo "browser: /usr/bin/chromium"; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || $(PY) -m playwright install chromium; \
	else $(PY) -m playwright install chromium; fi

# Firefox and WebKit for tests/test_engines.py: Debian's firefox-esr, webkit2gtk-driver (WebKitWebDriver,
# and MiniBrowser through its dependency) and xvfb, installed with apt-get when root on Debian.
# Where they cannot be installed the suite skips, and pytest's summary says why.
ENGINE_PACKAGES := firefox-esr webkit2gtk-driver xvfb
engines:
	@if command -v firefox-esr >/dev/null && command -v WebKitWebDriver >/dev/null && command -v Xvfb >/dev/null; then \
	  echo "engines: firefox-esr, WebKitWebDriver and Xvfb present"; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 $(ENGINE_PACKAGES) >/dev/null) \
	  || echo "engines: could not install $(ENGINE_PACKAGES): the Firefox and WebKit tests will skip"; \
	else echo "engines: not root with apt-get: install $(ENGINE_PACKAGES) to run the Firefox and WebKit tests (they skip)"; fi

# nginx for the static-host test (tests/test_browser_host.py): Debian's own, installed like Chromium
# (root + apt). Where it cannot be had, say so; the test then skips with the same reason.
nginx:
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then echo "nginx: $$(command -v nginx || echo /usr/sbin/nginx)"; \
	elif command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 nginx-light >/dev/null \
	   && echo "nginx: installed Debian's nginx-light") \
	  || echo "nginx: could not install nginx-light; the static-host test will be skipped"; \
	else echo "nginx: not installed, and installing it needs root and apt-get; the static-host test will be skipped"; fi

serve: build
	cd site && ../$(PY) -m builder.serve --root ../dist --port $(PORT)

# The live preview (site/builder/preview): builds into a folder of its own, never dist/.
preview: $(VENV)/.stamp node_modules/.stamp
	cd site && ../$(PY) -m builder.preview --content ../content --port $(PORT)

# ruff first (pinned in pyproject.toml's test extra, its rules there), then the GitHub Pages workflow
# against the GitHub workflow schema check-jsonschema ships (pinned likewise; offline): a finding stops the run.
test: build browser engines nginx
	$(PY) -m ruff check py site tests
	$(PY) -m check_jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(PY) -m pytest

# ONLY=scale,phone runs some sections (pages, history, scale, phone, lighthouse).
bench: build browser
	$(PY) tests/bench/bench.py $(if $(ONLY),--only $(ONLY))

clean:
	rm -rf dist dist.* $(VENV) node_modules $(SOURCE_LIST)
