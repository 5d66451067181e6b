#!/usr/bin/env bash
# Checks every internal link and anchor of a built site with Debian's linkchecker, offline.
#   scripts/linkcheck.sh [SITE_DIR]
set -euo pipefail
site="${1:-Site}"
if [[ ! -f "$site/index.html" ]]; then
  echo "error: $site/index.html does not exist; run 'folio build' first" >&2
  exit 3
fi
command -v linkchecker >/dev/null || { echo "error: linkchecker is not installed (scripts/install-deps.sh --test)" >&2; exit 3; }
# linkchecker drops root privileges to `nobody`, so check a world-readable copy.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R "$site" "$work/site"
chmod -R a+rX "$work"
abs="$work/site"
config="$work/linkcheckerrc"
# The AnchorCheck plugin makes linkchecker verify #fragments too.
printf '[AnchorCheck]\n' > "$config"
# Local files only: external URLs are not followed (no network in CI). Links to the offline
# bundles in downloads/ are checked, but the bundles are not crawled: their own tests check
# their internal links, and crawling the single-file books fragment by fragment takes minutes.
# Missing anchors are warnings in linkchecker, so any warning fails the check.
output="$(linkchecker --config="$config" --no-status --ignore-url='^https?:' --ignore-url='^mailto:' --no-follow-url='/downloads/' "file://$abs/index.html" 2>/dev/null || true)"
summary="$(grep -E "links? in .* checked" <<<"$output" || true)"
echo "linkchecker: ${summary:-no summary}"
if ! grep -qE " 0 warnings found.* 0 errors found" <<<"$summary"; then
  grep -vE "^(LinkChecker|Copyright|LinkChecker comes|This is free|certain conditions|Read the documentation|Write comments)" <<<"$output" >&2
  echo "error: linkchecker found broken links or anchors in $site" >&2
  exit 1
fi
