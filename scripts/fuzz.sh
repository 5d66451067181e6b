#!/usr/bin/env bash
# Fuzzes Folio's front matter parser and its Markdown renderer + HTML sanitiser with libFuzzer
# (Swift's -sanitize=fuzzer,address), each for SECONDS seconds:
#   scripts/fuzz.sh [SECONDS]        (make fuzz; make test runs a short smoke run)
# The targets live in Fuzz/ (a package of their own, built in .build-fuzz/). Seeds are excerpts
# cut from Content/articles plus the hand-written inputs in Fuzz/Seeds/; every file in
# Fuzz/Crashes/ (inputs that once crashed) is replayed first. A crash, leak, timeout or an active
# construct in the sanitised HTML stops the run with status 1 and leaves the input in
# .build-fuzz/findings/; copy it into Fuzz/Crashes/<target>/ once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch=.build-fuzz
swift build --package-path Fuzz --scratch-path "$scratch" -c release --sanitize=fuzzer --sanitize=address 2>&1 \
    | grep -vE "ld.gold: warning: Cannot export local symbol|^\[[0-9]+/[0-9]+\]" || true
bin="$scratch/release"
[[ -x "$bin/FuzzMarkdown" && -x "$bin/FuzzFrontMatter" ]] || { echo "error: the fuzz targets did not build" >&2; exit 3; }

# Seeds: each committed article whole (front matter and body) and cut into excerpts of about
# 40 lines, so both targets start from real reports.
seeds="$scratch/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/front-matter" "$seeds/markdown" "$scratch/findings"
python3 - "$seeds" <<'PY'
import hashlib, os, sys
seeds = sys.argv[1]
files = sorted(os.path.join(d, f) for d, _, fs in os.walk("Content/articles") for f in fs if f.endswith(".md"))
for path in files:
    text = open(path, encoding="utf-8").read()
    head = text[: text.find("\n---", 4) + 5] if text.startswith("---\n") else ""
    name = hashlib.sha1(path.encode()).hexdigest()[:12]
    open(os.path.join(seeds, "front-matter", name), "w", encoding="utf-8").write(head + "\nBody.\n")
    lines = text[len(head):].split("\n")
    for n, start in enumerate(range(0, min(len(lines), 400), 40)):
        excerpt = "\n".join(lines[start:start + 40])
        if excerpt.strip():
            open(os.path.join(seeds, "markdown", f"{name}-{n}"), "w", encoding="utf-8").write(excerpt)
PY

status=0
for target in front-matter markdown; do
    case "$target" in
        front-matter) exe="$bin/FuzzFrontMatter" ;;
        markdown) exe="$bin/FuzzMarkdown" ;;
    esac
    corpus="$scratch/corpus/$target"
    mkdir -p "$corpus"
    echo "== $target: ${seconds} s"
    if ! "$exe" "$corpus" "$seeds/$target" "Fuzz/Seeds/$target" "Fuzz/Crashes/$target" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -artifact_prefix="$scratch/findings/$target-" -print_final_stats=1 2> "$scratch/$target.log"; then
        status=1
        grep -E "ERROR|SUMMARY|Fatal error|fatalError|artifact" "$scratch/$target.log" | head -20 >&2
        echo "error: $target found a problem; the input is in $scratch/findings/ (log: $scratch/$target.log)" >&2
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$target.log" | sed 's/^/  /'
done
exit "$status"
