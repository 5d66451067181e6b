#!/usr/bin/env bash
# Installs the Debian packages Folio needs, only those that are missing.
#   scripts/install-deps.sh          build dependencies (cmark-gfm)
#   scripts/install-deps.sh --test   build and test dependencies (linkchecker, epubcheck, chromium)
set -euo pipefail

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(linkchecker epubcheck default-jre-headless chromium poppler-utils)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if (( ${#missing[@]} == 0 )); then
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "error: missing packages ${missing[*]} and not running as root; install them with apt-get" >&2
    exit 3
  fi
fi
echo "Installing: ${missing[*]}" >&2
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
