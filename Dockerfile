# syntax=docker/dockerfile:1
# One image for every Faces service: `faces` picks the service from its argument or, with none,
# from FACES_SERVICE (how the Kubernetes base runs face, smiley and color; faces-gui passes `gui`).
# Build from the repository root: docker build -t ghcr.io/faces-demo/faces:0.1.0 .
# No step depends on the CPU architecture, so `docker buildx build --platform
# linux/amd64,linux/arm64` builds both. test/static/production-install.test.ts runs the same
# staging steps without Docker. NODE_VERSION is the major in .nvmrc (a static test keeps them equal).
ARG NODE_VERSION=26

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /src
# The whole context (see .dockerignore): the workspace list changes as services are added, and
# the lockfile alone decides what npm installs.
COPY . .
# npm's cache is a build cache mount (BuildKit and buildah keep it between builds): after one build
# online, a rebuild whose lockfile has not changed installs from it without the network.
RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci --prefer-offline --no-audit --no-fund
RUN npm run build
# Only what runs: the `faces` bundle, which holds every dependency (no node_modules, no sources,
# no tests, no source maps), and a package.json that makes it ES modules.
RUN node scripts/stage-runtime.mjs /app && chmod 0755 /app/services/cli/dist/bundle/faces.js

FROM node:${NODE_VERSION}-slim
# NODE_OPTIONS is RUNTIME_NODE_OPTIONS of services/kit/src/config/node-options.ts (why each flag, there);
# a static test keeps the two equal.
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-semi-space-size=4 --v8-pool-size=1"
WORKDIR /app
# Owned by root and read-only for the service user: the container runs with a read-only root FS.
COPY --from=build /app /app
RUN ln -s /app/services/cli/dist/bundle/faces.js /usr/local/bin/faces
# The `node` user of the official image, by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
EXPOSE 8000
# Slim images have no curl: `faces healthcheck` asks GET /healthz on PORT (default 8000).
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 CMD ["faces", "healthcheck"]
ENTRYPOINT ["faces"]
