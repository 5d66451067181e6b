#!/usr/bin/env bash
# Installs the Debian packages Folio needs, only those that are missing.
#   scripts/install-deps.sh          build dependencies (cmark-gfm, SQLite)
#   scripts/install-deps.sh --test   build and test dependencies (linkchecker, epubcheck, chromium,
#                                    sqlite3, and frictionless in the Python venv .build/python)
set -euo pipefail

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(linkchecker epubcheck default-jre-headless chromium poppler-utils sqlite3 python3-venv)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

# The open-data tests validate Site/data/datapackage.json with frictionless (PyPI), in a venv
# of their own; runs after the Debian packages (it needs python3-venv).
python_venv() {
  cd "$(dirname "$0")/.."
  if [[ "${1:-}" == "--test" && ! -x .build/python/bin/frictionless ]]; then
    mkdir -p .build
    python3 -m venv .build/python
    .build/python/bin/pip install --quiet --disable-pip-version-check frictionless
  fi
}

if (( ${#missing[@]} == 0 )); then
  python_venv "${1:-}"
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
python_venv "${1:-}"
