#!/usr/bin/env bash
# Installs the Debian packages Folio needs, only those that are missing.
#   scripts/install-deps.sh          build dependencies (cmark-gfm, SQLite)
#   scripts/install-deps.sh --test   build and test dependencies (linkchecker, epubcheck, chromium,
#                                    sqlite3, and frictionless in the Python venv .build/python)
set -euo pipefail

# libcurl4-openssl-dev: the release build links Foundation statically, and its URLSession links
# libcurl by name (`-lcurl`).
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev libcurl4-openssl-dev pkg-config)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(linkchecker epubcheck default-jre-headless chromium poppler-utils sqlite3 python3-venv)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

# Test tools from PyPI live in one venv, .build/python, made from scripts/requirements-test.txt
# (add a package there, never a second venv); rebuilt when that file changes. Runs after the
# Debian packages.
python_venv() {
  cd "$(dirname "$0")/.."
  [[ "${1:-}" == "--test" ]] || return 0
  local stamp=.build/python/requirements-test.txt
  if [[ -x .build/python/bin/python ]] && cmp -s scripts/requirements-test.txt "$stamp"; then
    return 0
  fi
  mkdir -p .build
  [[ -x .build/python/bin/python ]] || python3 -m venv .build/python
  .build/python/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements-test.txt
  cp scripts/requirements-test.txt "$stamp"
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
