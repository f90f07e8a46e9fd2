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
# once from the npm registry into the git-ignored .tools/ folder.
PINNED_NODE := $(NODE_DIR)/bin/node
export PATH := $(NODE_DIR)/bin:$(PATH)
endif
service ?=
# docker or podman; empty: docker when its daemon answers, else podman (installed if missing).
CONTAINER_ENGINE ?=
IMAGE ?= ghcr.io/faces-demo/faces
TAG ?= $(shell node -p "require('./package.json').version")
PLATFORMS ?= linux/amd64,linux/arm64

.PHONY: help node install system-deps build run test container-check lint bench clean images images-push

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(NODE_DIR)/bin/node: .nvmrc
	bash scripts/install-node.sh $(NODE_MAJOR) $(NODE_DIR)

node: $(PINNED_NODE) ## the Node.js everything runs on (.nvmrc's major; fetched into .tools/ if need be)
	@echo "node $$(node --version) at $$(command -v node) (pinned major: $(NODE_MAJOR))"

node_modules/.package-lock.json: package-lock.json $(PINNED_NODE)
	$(NPM) ci --no-audit --no-fund

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

test: node system-deps build ## run every test: lint, unit, black-box, browser, static, then the container check
	$(NPM) run lint
	node scripts/run-tests.mjs
	TEST_CONCURRENCY=1 node scripts/run-tests.mjs test/dist/containers/

container-check: build ## build the image and run it and docker-compose.yaml in real containers (installs podman if need be: root or sudo)
	TEST_CONCURRENCY=1 node scripts/run-tests.mjs test/dist/containers/

lint: install ## biome lint and format check, and the type check
	$(NPM) run lint

bench: build ## run the benchmarks (not tests) and write bench-results/
	node scripts/bench.mjs

images: $(PINNED_NODE) ## build the image for this machine as $(IMAGE):$(TAG) (CONTAINER_ENGINE=docker|podman)
	CONTAINER_ENGINE=$(CONTAINER_ENGINE) bash scripts/build-image.sh $(IMAGE):$(TAG) >/dev/null

images-push: ## build for amd64 and arm64 and push $(IMAGE):$(TAG) (docker buildx, logged in)
	@command -v docker >/dev/null || { echo "make images-push: docker not found"; exit 1; }
	docker buildx build --platform $(PLATFORMS) --tag $(IMAGE):$(TAG) --push .

clean: ## remove build output and test artifacts
	$(NPM) run clean
