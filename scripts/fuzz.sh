#!/usr/bin/env bash
# Fuzzes Folio's parsers with libFuzzer (Swift's -sanitize=fuzzer,address), each target for
# SECONDS seconds: the front matter parser, the Markdown renderer + HTML sanitiser, the
# configuration parsers (folio.yml, corpus.yml, corrections.yml), the importer (a corpus entry
# and a source text), the template loader and the search tokenizer.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   (make fuzz; make test runs a short smoke run)
# FUZZ_SEED fixes libFuzzer's random seed; FUZZ_RUNS runs that many inputs per target instead of
# SECONDS. make test uses both (seed 1, a fixed number of runs), so its smoke run is the same run
# on every machine.
# The targets live in Fuzz/ (a package of their own, built in .build-fuzz/). Seeds are excerpts
# cut from Content/articles plus the hand-written inputs in Fuzz/Seeds/; every file in
# Fuzz/Crashes/ (inputs that once crashed) is replayed first. A crash, leak, timeout or an active
# construct in the sanitised HTML stops the run with status 1 and leaves the input in
# .build-fuzz/findings/; copy it into Fuzz/Crashes/<target>/ once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(front-matter markdown config import templates search)
seed_option=()
[[ -n "${FUZZ_SEED:-}" ]] && seed_option=(-seed="$FUZZ_SEED")
budget=(-max_total_time="$seconds")
[[ -n "${FUZZ_RUNS:-}" ]] && budget=(-runs="$FUZZ_RUNS")
# With both FUZZ_RUNS and FUZZ_MAX_SECONDS, a target stops at whichever comes first.
[[ -n "${FUZZ_RUNS:-}" && -n "${FUZZ_MAX_SECONDS:-}" ]] && budget+=(-max_total_time="$FUZZ_MAX_SECONDS")
scratch=.build-fuzz
# -sanitize=fuzzer alone leaves Swift code without the coverage counters libFuzzer reads (only the C
# code of the dependencies would guide it): ask for inline 8-bit counters and comparison tracing.
swift build --package-path Fuzz --scratch-path "$scratch" -c release --sanitize=fuzzer --sanitize=address \
    -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp 2>&1 \
    | grep -vE "ld.gold: warning: Cannot export local symbol|^\[[0-9]+/[0-9]+\]" || true
bin="$scratch/release"
for exe in FuzzFrontMatter FuzzMarkdown FuzzConfig FuzzImport FuzzTemplates FuzzSearch; do
    [[ -x "$bin/$exe" ]] || { echo "error: the fuzz target $exe did not build" >&2; exit 3; }
done

# Seeds: each committed article whole (front matter and body) and cut into excerpts of about
# 40 lines, so both targets start from real reports.
seeds="$scratch/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{front-matter,markdown,config,import,templates,search} "$scratch/findings"
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
            open(os.path.join(seeds, "search", f"{name}-{n}"), "w", encoding="utf-8").write(excerpt)

def put(target, name, text):
    open(os.path.join(seeds, target, name), "w", encoding="utf-8").write(text)

# Configuration: every YAML file of the project and of the test fixtures.
yamls = ["folio.yml"] + sorted(os.path.join(d, f) for root in ("Content", "Tests") for d, _, fs in os.walk(root) for f in fs if f.endswith((".yml", ".yaml")))
for path in yamls:
    if os.path.isfile(path) and os.path.getsize(path) < 16_384:
        put("config", hashlib.sha1(path.encode()).hexdigest()[:12], open(path, encoding="utf-8", errors="replace").read())

# Import: each source (the five reports and the foreign fixtures) in 60-line pieces, the first
# piece of each also behind the corpus entry of its document.
corpus = open("Content/corpus.yml", encoding="utf-8").read() if os.path.exists("Content/corpus.yml") else ""
sources = sorted(os.path.join("Content/sources", f) for f in os.listdir("Content/sources")) if os.path.isdir("Content/sources") else []
sources += sorted(os.path.join("Tests/ForeignReports", f) for f in os.listdir("Tests/ForeignReports") if f.endswith((".txt", ".md")) and f != "SOURCES.md") if os.path.isdir("Tests/ForeignReports") else []
for path in sources:
    lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
    name = hashlib.sha1(path.encode()).hexdigest()[:12]
    for n, start in enumerate(range(0, len(lines), 60)):
        put("import", f"{name}-{n}", "\n".join(lines[start:start + 60]))
    entry = corpus[corpus.find("\n  - slug:"):][:1500] if "\n  - slug:" in corpus else corpus[:1500]
    put("import", f"{name}-entry", "documents:" + entry + "\n=== source ===\n" + "\n".join(lines[:60]))

# Templates: each built-in template alone, and the page templates with the base they extend
# (templates are separated by NUL bytes: base, a, b, c).
templates = sorted(f for f in os.listdir("Templates") if f.endswith(".mustache")) if os.path.isdir("Templates") else []
texts = {f: open(os.path.join("Templates", f), encoding="utf-8").read() for f in templates}
for f, text in texts.items():
    put("templates", f, text)
    if f != "base.mustache" and "base.mustache" in texts:
        put("templates", "base+" + f, texts["base.mustache"] + "\0" + text)
PY

status=0
for target in "${targets[@]}"; do
    max_len=16384
    leaks=1
    case "$target" in
        front-matter) exe="$bin/FuzzFrontMatter" ;;
        markdown) exe="$bin/FuzzMarkdown" ;;
        # Foundation's NSRegularExpression on Linux leaks each compiled pattern, and `import:`
        # hints carry patterns, so leak detection would only report Foundation for these two.
        config) exe="$bin/FuzzConfig"; leaks=0 ;;
        import) exe="$bin/FuzzImport"; max_len=8192; leaks=0 ;;
        templates) exe="$bin/FuzzTemplates"; max_len=65536 ;;
        search) exe="$bin/FuzzSearch" ;;
        *) echo "error: no fuzz target \`$target\` (front-matter, markdown, config, import, templates, search)" >&2; exit 2 ;;
    esac
    mkdir -p "Fuzz/Seeds/$target" "Fuzz/Crashes/$target"
    corpus="$scratch/corpus/$target"
    mkdir -p "$corpus"
    if [[ -n "${FUZZ_RUNS:-}" ]]; then echo "== $target: $FUZZ_RUNS runs"; else echo "== $target: $seconds s"; fi
    if ! ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" "$exe" "$corpus" "$seeds/$target" "Fuzz/Seeds/$target" "Fuzz/Crashes/$target" \
        "${budget[@]}" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -detect_leaks="$leaks" "${seed_option[@]}" \
        -artifact_prefix="$scratch/findings/$target-" -print_final_stats=1 2> "$scratch/$target.log"; then
        status=1
        grep -E "ERROR|SUMMARY|Fatal error|fatalError|artifact" "$scratch/$target.log" | head -20 >&2
        echo "error: $target found a problem; the input is in $scratch/findings/ (log: $scratch/$target.log)" >&2
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$target.log" | sed 's/^/  /'
done
exit "$status"
