# Thin porcelain over the npm scripts. `make help` lists the targets.
NPM ?= npm
# The Node.js major everything runs on (tests, bench, faces all, the image): .nvmrc, and nowhere else.
NODE_MAJOR := $(shell cat .nvmrc)
NODE_DIR := $(CURDIR)/.tools/node-$(NODE_MAJOR)
SYSTEM_NODE_MAJOR := $(shell node -p 'process.versions.node.split(".")[0]' 2>/dev/null)
ifeq ($(SYSTEM_NODE_MAJOR),$(NODE_MAJOR))
PINNED_NODE :=
else
# The system's node is another major (or none): every recipe below runs the pinned one, fetched
# from the npm registry into the git-ignored .tools/ folder only when that major is not there yet
# (its folder is named by the major, so a new .nvmrc fetches anew). Fetched here, before any
# recipe, so that a failed fetch is one line (make's own "*** …  Stop.") and not buried.
PINNED_NODE := $(NODE_DIR)/bin/node
export PATH := $(NODE_DIR)/bin:$(PATH)
ifeq ($(wildcard $(PINNED_NODE)),)
ifneq ($(filter-out help,$(or $(MAKECMDGOALS),help)),)
NODE_FETCH_FAILED := $(shell bash scripts/install-node.sh $(NODE_MAJOR) $(NODE_DIR))
ifneq ($(NODE_FETCH_FAILED),)
$(error $(NODE_FETCH_FAILED))
endif
endif
endif
endif
service ?=
# make test T=<filter> (or make watch T=…): only the compiled tests whose path contains the filter.
T ?=
# docker or podman; empty: docker when its daemon answers, else podman (installed if missing).
CONTAINER_ENGINE ?=
IMAGE ?= ghcr.io/faces-demo/faces
TAG ?= $(shell node -p "require('./package.json').version")
PLATFORMS ?= linux/amd64,linux/arm64

.PHONY: help node install system-deps build run test container-check watch lint check bench clean images images-push dist

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

node: ## the Node.js everything runs on (.nvmrc's major; fetched into .tools/ if need be)
	@echo "node $$(node --version) at $$(command -v node) (pinned major: $(NODE_MAJOR))"

# Only when the lockfile changed; npm's cache first, so a machine that installed once needs no network.
node_modules/.package-lock.json: package-lock.json
	@log=$$(mktemp); $(NPM) ci --prefer-offline --no-audit --no-fund --loglevel=error 2>$$log || { \
	  echo "make install: npm ci could not install package-lock.json's packages ($$(grep -m1 -E 'npm error (code|errno)' $$log || tail -n1 $$log)): connect to the network once (npm's cache keeps them) and run make again" >&2; \
	  rm -f $$log; exit 1; }; rm -f $$log

install: node_modules/.package-lock.json ## install the npm dependencies from the lockfile

system-deps: ## install the Debian packages the browser tests need (chromium, emoji fonts)
	bash scripts/install-system-deps.sh

build: install ## compile every workspace (make build service=smiley for one)
ifeq ($(service),)
	$(NPM) run build
else
	$(NPM) run generate
	npx tsc -b services/$(service)
endif

run: build ## run Faces locally on loopback and print the URL to open
	node services/cli/dist/bundle/faces.js all

test: node system-deps build ## run every test: lint, unit, black-box, browser, static, then the container check (T=<filter>: only the matching tests)
ifeq ($(T),)
	$(NPM) run lint
	node scripts/run-tests.mjs
	TEST_CONCURRENCY=1 node scripts/run-tests.mjs test/dist/containers/
else
	node scripts/run-tests.mjs $(T)
endif

container-check: build ## build the image and run it and docker-compose.yaml in real containers (installs podman if need be: root or sudo)
	TEST_CONCURRENCY=1 node scripts/run-tests.mjs test/dist/containers/

watch: build ## rebuild on every change (tsc -b --watch) and rerun the tests it touches (T=<filter> to narrow)
	node scripts/watch.mjs $(T)

lint: install ## biome lint and format check (make check adds the type check)
	$(NPM) run lint

check: install ## lint, then the type check of every workspace and the browser app
	$(NPM) run lint
	$(NPM) run generate
	npx tsc -b
	npx tsc -p gui/tsconfig.app.json

bench: build ## run the benchmarks (not tests) and write bench-results/
	node scripts/bench.mjs

images: $(PINNED_NODE) ## build the image for this machine as $(IMAGE):$(TAG) (CONTAINER_ENGINE=docker|podman)
	CONTAINER_ENGINE=$(CONTAINER_ENGINE) bash scripts/build-image.sh $(IMAGE):$(TAG) >/dev/null

images-push: ## build for amd64 and arm64 and push $(IMAGE):$(TAG) (docker buildx, logged in)
	@command -v docker >/dev/null || { echo "make images-push: docker not found"; exit 1; }
	docker buildx build --platform $(PLATFORMS) --tag $(IMAGE):$(TAG) --push .

dist: build ## build every artifact a release publishes into dist/ (image archive, chart, Flux artifact, executable, SBOM, SHA256SUMS)
	@bash scripts/dist.sh

clean: ## remove build output and test artifacts
	$(NPM) run clean
