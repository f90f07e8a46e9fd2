#!/usr/bin/env bash
# `make dist`: every artifact a release publishes, built on this machine into dist/ (after
# `make build`), then dist/SHA256SUMS. .github/workflows/release.yml publishes the same set.
#   faces-<version>-image.oci.tar       the image (make images, then <engine> save as an OCI archive)
#   faces-<version>.tgz                 the Helm chart (helm package)
#   faces-k8s-base-<version>.tgz        k8s/01-base as the tarball `flux push artifact` uploads
#   faces-<os>-<arch>[.exe]             the single executable this machine can build
#   faces-<version>-sbom.cdx.json       CycloneDX SBOM of the shipped (non-dev) npm dependency tree
# A step that fails prints one line and the others still run; make dist then exits 1 naming them.
# With arguments, only those steps (image, chart, flux, executable, sbom) into dist/ as it is: the
# release runs `scripts/dist.sh chart flux sbom` beside the executables the other runners built.
set -uo pipefail
cd "$(dirname "$0")/.."
version="$(node -p "require('./package.json').version")"
image="${IMAGE:-ghcr.io/faces-demo/faces}:${TAG:-$version}"
failed=()
step() {
  local name="$1"
  shift
  local log
  log="$(mktemp)"
  if "$@" >"$log" 2>&1; then
    rm -f "$log"
  else
    echo "make dist: no $name: $(grep -v '^\s*$' "$log" | tail -n1)" >&2
    rm -f "$log"
    failed+=("$name")
  fi
}

wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && { wanted=(image chart flux executable sbom); rm -rf dist; }
mkdir -p dist

image_archive() {
  # scripts/install-container-engine.sh (the container check's) installs podman where no engine runs
  # and prints the engine's command; make images builds with it.
  [ -f scripts/install-container-engine.sh ] || { echo "scripts/install-container-engine.sh is not here"; return 1; }
  make --no-print-directory images IMAGE="${image%:*}" TAG="${image##*:}" || return 1
  local engine
  engine="$(bash scripts/install-container-engine.sh)" || return 1
  if [ "$engine" = podman ]; then
    podman save --format oci-archive --output "dist/faces-$version-image.oci.tar" "$image"
  else
    # docker save writes an OCI image layout (with Docker's manifest beside it) since Docker 25.
    docker save --output "dist/faces-$version-image.oci.tar" "$image"
  fi
}

chart_package() {
  local helm
  helm="$(node -e "import('./test/dist/helpers/helm.js').then((m) => console.log(m.ensureHelm()))")" || return 1
  HELM_CACHE_HOME="$PWD/.tools/helm/cache" HELM_CONFIG_HOME="$PWD/.tools/helm/config" \
    HELM_DATA_HOME="$PWD/.tools/helm/data" "$helm" package charts/faces --destination dist
}

flux_artifact() {
  # What `flux push artifact --path=k8s/01-base` puts in its layer: the folder's files at the root
  # of a gzipped tar. Sorted, with fixed owners and times, so the same tree gives the same bytes.
  (cd k8s/01-base && find . -type f | sed 's,^\./,,' | sort) |
    tar --mtime='1980-01-01 00:00:00Z' --owner=0 --group=0 --numeric-owner -C k8s/01-base -cf - -T - |
    gzip -n >"dist/faces-k8s-base-$version.tgz"
}

sbom() {
  # npm's own `npm sbom` refuses this tree (cookie@1.1.1 under light-my-request's ^2.0.0), so the
  # CycloneDX project's generator, which reports npm's complaint and goes on.
  npx --yes @cyclonedx/cyclonedx-npm@6.0.1 --omit dev --ignore-npm-errors --spec-version 1.6 \
    --mc-type application --output-format JSON --output-file "dist/faces-$version-sbom.cdx.json"
}

for name in "${wanted[@]}"; do
  case "$name" in
    image) step "image archive" image_archive ;;
    chart) step "chart package" chart_package ;;
    flux) step "Flux artifact" flux_artifact ;;
    executable) step "executable" node scripts/build-sea.mjs ;;
    sbom) step "SBOM" sbom ;;
    *) echo "make dist: no step $name (image, chart, flux, executable, sbom)" >&2; exit 2 ;;
  esac
done
(cd dist && rm -f SHA256SUMS && sha256sum -- * >SHA256SUMS)
ls -l dist | tail -n +2
if [ ${#failed[@]} -gt 0 ]; then
  echo "make dist: built all but: ${failed[*]} (see the lines above)" >&2
  exit 1
fi
