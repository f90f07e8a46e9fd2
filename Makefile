# Thin porcelain over the npm scripts. `make help` lists the targets.
NPM ?= npm
service ?=
DOCKER ?= docker
IMAGE ?= ghcr.io/faces-demo/faces
TAG ?= $(shell node -p "require('./package.json').version")
PLATFORMS ?= linux/amd64,linux/arm64

.PHONY: help install system-deps build run test lint bench clean images images-push

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

node_modules/.package-lock.json: package-lock.json
	$(NPM) ci --no-audit --no-fund

install: node_modules/.package-lock.json ## install the npm dependencies from the lockfile

system-deps: ## install the Debian packages the browser tests need (chromium, emoji fonts)
	bash scripts/install-system-deps.sh

build: install ## compile every workspace (make build service=smiley for one)
ifeq ($(service),)
	$(NPM) run build
else
	npx tsc -b services/$(service)
endif

run: build ## run Faces locally on loopback and print the URL to open
	node services/cli/dist/bundle/faces.js all

test: system-deps build ## run every test: lint, unit, black-box, browser, static
	$(NPM) run lint
	node scripts/run-tests.mjs

lint: install ## biome lint and format check, and the type check
	$(NPM) run lint

bench: build ## run the benchmarks (not tests) and write bench-results/
	node scripts/bench.mjs

images: ## build the image for this machine and tag it $(IMAGE):$(TAG) (needs a Docker engine)
	@command -v $(DOCKER) >/dev/null || { echo "make images: $(DOCKER) not found; the static tests check the Dockerfile without it"; exit 1; }
	$(DOCKER) build --tag $(IMAGE):$(TAG) .

images-push: ## build for amd64 and arm64 and push $(IMAGE):$(TAG) (docker buildx, logged in)
	@command -v $(DOCKER) >/dev/null || { echo "make images-push: $(DOCKER) not found"; exit 1; }
	$(DOCKER) buildx build --platform $(PLATFORMS) --tag $(IMAGE):$(TAG) --push .

clean: ## remove build output and test artifacts
	$(NPM) run clean
