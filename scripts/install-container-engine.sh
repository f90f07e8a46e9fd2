#!/usr/bin/env bash
# Installs podman (and what the container check needs with it) when no container engine can run
# here, and sets the two engine settings such machines need in /etc/containers/containers.conf.
# `make images` and the container check (test/containers/) run it. Docker, when present, is used
# as it is: nothing is installed or configured for it. Prints the engine's command on stdout
# (messages go to stderr), so callers can run `engine=$(scripts/install-container-engine.sh)`.
#   CONTAINER_ENGINE=docker|podman  the engine wanted (default: docker when its daemon answers,
#                                   else podman; a docker CLI without a daemon does not count)
set -euo pipefail
engine="${CONTAINER_ENGINE:-}"
if [ -z "$engine" ]; then
  if command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1; then engine=docker; else engine=podman; fi
fi
case "$engine" in
  docker)
    command -v docker >/dev/null || { echo "install-container-engine: CONTAINER_ENGINE=docker but docker is not installed; install Docker, or use CONTAINER_ENGINE=podman" >&2; exit 1; }
    echo docker
    exit 0 ;;
  podman) ;;
  *) echo "install-container-engine: CONTAINER_ENGINE must be docker or podman, got '$engine'" >&2; exit 1 ;;
esac

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-container-engine: need root (or sudo) to install and configure podman" >&2; exit 1; }
  sudo=sudo
fi

# podman-compose for the compose check; the dnsname CNI plugin for container DNS on its networks;
# debootstrap for the stand-in base image
# (scripts/container-base-image.sh); runc because crun refuses hybrid cgroups.
packages=(podman buildah runc podman-compose debootstrap golang-github-containernetworking-plugin-dnsname)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-container-engine: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "install-container-engine: installed in ${SECONDS} s" >&2
fi

# Added only when the key is not set already, so a machine's own choices stay. runc: crun fails
# with "cgroups in hybrid mode not supported". The ulimits: without them runc's setrlimit
# RLIMIT_NPROC fails with "Operation not permitted" inside some sandboxes.
conf=/etc/containers/containers.conf
set_key() { # <table> <key> <value>
  local table="$1" key="$2" value="$3"
  $sudo mkdir -p "$(dirname "$conf")"
  [ -f "$conf" ] || $sudo touch "$conf"
  if awk -v t="[$table]" -v k="$key" '
      /^[[:space:]]*\[/ { gsub(/[[:space:]]/, ""); in_table = ($0 == t); next }
      in_table && $0 ~ "^[[:space:]]*" k "[[:space:]]*=" { found = 1 }
      END { exit found ? 0 : 1 }' "$conf"; then
    return
  fi
  if grep -q "^[[:space:]]*\[$table\][[:space:]]*$" "$conf"; then
    $sudo sed -i "/^[[:space:]]*\[$table\][[:space:]]*$/a $key = $value" "$conf"
  else
    printf '\n[%s]\n%s = %s\n' "$table" "$key" "$value" | $sudo tee -a "$conf" >/dev/null
  fi
  echo "install-container-engine: set [$table] $key = $value in $conf" >&2
}
set_key engine runtime '"runc"'
set_key containers default_ulimits '["nofile=20000:20000", "nproc=20000:20000"]'
echo podman
