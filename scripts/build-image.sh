#!/usr/bin/env bash
# Builds the Dockerfile, unchanged, into <image:tag> with the engine scripts/install-container-engine.sh
# picks (CONTAINER_ENGINE=docker|podman chooses; podman is installed when neither runs), after
# scripts/container-base-image.sh has put node:<major>-slim in its store. `make images` and the
# container check (test/containers/) run it. Prints the engine on stdout, messages on stderr.
#   scripts/build-image.sh <image:tag>
set -euo pipefail
image="${1:?usage: build-image.sh <image:tag>}"
cd "$(dirname "$0")/.."
engine="$(bash scripts/install-container-engine.sh)"
bash scripts/container-base-image.sh "$engine" >/dev/null
flags=()
# podman: the base is in the store (pulled or the stand-in), so never ask a registry for it; the
# build stage's npm ci reaches the npm registry through the host's network.
[ "$engine" = podman ] && flags=(--pull=never --network host)
started=$SECONDS
"$engine" build "${flags[@]}" --tag "$image" . >&2
echo "build-image: $image built with $engine in $((SECONDS - started)) s" >&2
echo "$engine"
