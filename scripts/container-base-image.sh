#!/usr/bin/env bash
# Makes sure the Dockerfile's base image, node:<.nvmrc major>-slim, is in the engine's local
# store: kept if already there, else pulled, else (no registry reachable, as on the project's CI
# machines) a stand-in is made and tagged with that exact name, so the Dockerfile builds
# unchanged with `build --pull=never`. The stand-in is what the official image gives the
# Dockerfile: Debian bookworm (debootstrap minbase), the pinned Node binary, npm from the npm
# registry, libatomic1 (Node 26's binary needs it), ca-certificates plus this machine's CA bundle
# (npm's `cafile` in the global npmrc, so the build stage trusts what the host trusts) and a
# `node` user 1000:1000. It stays in the store, so the next run reuses it (about 1 minute to make).
#   scripts/container-base-image.sh <engine>      prints the base image's name on stdout
set -euo pipefail
engine="${1:?usage: container-base-image.sh <docker|podman>}"
cd "$(dirname "$0")/.."
major="$(cat .nvmrc)"
base="docker.io/library/node:${major}-slim"
say() { echo "container-base-image: $*" >&2; }

if [ "$("$engine" image inspect --format '{{index .Config.Labels "org.faces-demo.stand-in-node"}}' "$base" 2>/dev/null)" != "" ]; then
  node_in_image="$("$engine" image inspect --format '{{index .Config.Labels "org.faces-demo.stand-in-node"}}' "$base")"
  if [ "$node_in_image" = "$(node --version)" ]; then
    say "$base: the stand-in made earlier (Node $node_in_image)"
    echo "$base"; exit 0
  fi
  say "$base: the stand-in has Node $node_in_image, the pinned one is $(node --version): making it again"
  "$engine" rmi --force "$base" >/dev/null
elif "$engine" image inspect "$base" >/dev/null 2>&1; then
  say "$base: in the local store"
  echo "$base"; exit 0
elif timeout 120 "$engine" pull --quiet "$base" >/dev/null 2>&1; then
  say "$base: pulled"
  echo "$base"; exit 0
else
  say "$base: cannot be pulled (no registry reachable); making a stand-in"
fi

got="$(node -p 'process.versions.node.split(".")[0]')"
[ "$got" = "$major" ] || { say "node on PATH is $(node --version), not the pinned major $major (run make node)"; exit 1; }
command -v debootstrap >/dev/null || { say "debootstrap is not installed (scripts/install-container-engine.sh installs it with podman)"; exit 1; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
work="$(mktemp -d /var/tmp/faces-stand-in-XXXXXX)"
trap '$sudo rm -rf "$work"' EXIT
root="$work/rootfs"
started=$SECONDS
$sudo debootstrap --variant=minbase --include=libatomic1,ca-certificates bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; say "debootstrap of bookworm from $mirror failed"; exit 1; }
$sudo rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/var/log/*.log

$sudo install -D -m 0755 "$(command -v node)" "$root/usr/local/bin/node"
(cd "$work" && npm pack "npm@${STAND_IN_NPM:-11}" --silent >/dev/null)
$sudo mkdir -p "$root/usr/local/lib/node_modules/npm"
$sudo tar -xzf "$work"/npm-*.tgz -C "$root/usr/local/lib/node_modules/npm" --strip-components=1
$sudo ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
$sudo ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
$sudo install -m 0644 /etc/ssl/certs/ca-certificates.crt "$root/usr/local/etc/host-ca-certificates.crt"
echo "cafile=/usr/local/etc/host-ca-certificates.crt" | $sudo tee "$root/usr/local/etc/npmrc" >/dev/null
echo "node:x:1000:1000::/home/node:/bin/bash" | $sudo tee -a "$root/etc/passwd" >/dev/null
echo "node:x:1000:" | $sudo tee -a "$root/etc/group" >/dev/null
$sudo install -d -o 1000 -g 1000 "$root/home/node"

cat >"$work/Containerfile" <<CONTAINERFILE
FROM scratch
COPY rootfs/ /
LABEL org.faces-demo.stand-in-node="$(node --version)"
ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["node"]
CONTAINERFILE
$sudo "$engine" build --quiet --pull=never --network none --tag "$base" --file "$work/Containerfile" "$work" >/dev/null
say "$base: stand-in made in $((SECONDS - started)) s ($(node --version), npm $("$engine" run --rm --network none "$base" npm --version))"
echo "$base"
