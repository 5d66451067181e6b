#!/bin/sh
# Independent check of the built site with Debian's linkchecker: every local link and every
# #fragment (AnchorCheck plugin) must resolve. External URLs are never fetched (no network);
# `folio check --external` is the place for those.
# Usage: scripts/linkcheck.sh [SITE_DIR]   (default: Site)
set -eu
site="${1:-Site}"
if [ ! -f "$site/index.html" ]; then
    echo "linkcheck: $site/index.html not found; run \`folio build\` first" >&2
    exit 2
fi
command -v linkchecker >/dev/null 2>&1 || { echo "linkcheck: linkchecker is not installed (apt-get install linkchecker)" >&2; exit 2; }
config=$(mktemp)
output=$(mktemp)
trap 'rm -f "$config" "$output"' EXIT
cat > "$config" <<'CFG'
[filtering]
checkextern=0
[output]
status=0
[AnchorCheck]
CFG
chmod 644 "$config"
abs=$(cd "$site" && pwd)
# linkchecker drops root privileges to `nobody`; it needs to read the site.
status=0
linkchecker -f "$config" --no-status -o text "file://$abs/index.html" >"$output" 2>&1 || status=$?
# Anchor problems are warnings in linkchecker; treat them (and every error) as failures.
if [ "$status" -ne 0 ] || grep -q "^Warning.*[Aa]nchor" "$output"; then
    cat "$output"
    echo "linkcheck: broken links or anchors in $site" >&2
    exit 1
fi
grep -E "links? in .* URLs? checked|checked" "$output" | tail -1 || true
echo "linkcheck: no broken link or anchor in $site"
