#!/usr/bin/env bash
# Benchmarks the whole pipeline on the corpus with the release build: median of several runs
# of each step and of import + build + check together.
#   scripts/bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
bin=.build/release/folio
[[ -x "$bin" ]] || { echo "error: build the release binary first (make release)" >&2; exit 3; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
python3 - "$bin" "$runs" "$out" <<'PY'
import statistics, subprocess, sys, time
binary, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
steps = {
    "import (--check)": [binary, "import", "--check", "--quiet"],
    "build": [binary, "build", "--quiet", "--output", out + "/Site"],
    "check": [binary, "check", "--quiet"],
}
totals = []
results = {name: [] for name in steps}
for _ in range(runs):
    total = 0.0
    for name, cmd in steps.items():
        start = time.perf_counter()
        code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        elapsed = time.perf_counter() - start
        if code not in (0, 1):
            sys.exit(f"error: {' '.join(cmd)} exited {code}")
        results[name].append(elapsed)
        total += elapsed
    totals.append(total)
for name, values in results.items():
    print(f"{name:18} median {statistics.median(values)*1000:7.1f} ms   min {min(values)*1000:7.1f} ms")
print(f"{'total':18} median {statistics.median(totals)*1000:7.1f} ms   ({runs} runs, release build)")
PY

# Import cost against document size: a converted paper from Tests/ForeignReports repeated 1, 4
# and 16 times in one source, imported with no hand-written rules. Linear cost keeps the time per
# MB flat across the three sizes.
python3 - "$bin" "$runs" "$out" <<'PY'
import os, statistics, subprocess, sys, time
binary, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
source = open("Tests/ForeignReports/crc-paper.txt", encoding="utf-8").read()
for copies in (1, 4, 16):
    root = os.path.join(out, f"scale-{copies}")
    subprocess.run([binary, "init", "--quiet", root], check=True)
    path = os.path.join(out, f"paper-{copies}.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(source * copies)
    subprocess.run([binary, "add", "--quiet", "--root", root, path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, "import", "--quiet", "--force", "--root", root], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    mb = len(source.encode("utf-8")) * copies / 1e6
    median = statistics.median(times)
    print(f"{'import ' + str(copies) + 'x paper':18} median {median*1000:7.1f} ms   {median*1000/mb:7.1f} ms/MB ({mb:.2f} MB)")
PY

# Folio against Hugo (Debian's `hugo`, installed when missing) on the same articles and the same
# four taxonomies, on the corpus and on the corpus replicated ten times.
if ! command -v hugo >/dev/null; then
    echo "Installing Debian's hugo for the comparison…" >&2
    if [[ $(id -u) -eq 0 ]]; then apt-get install -y -qq hugo >/dev/null; else sudo apt-get install -y -qq hugo >/dev/null; fi
fi
python3 scripts/bench-hugo.py "$bin" "$runs" "$out" 1 10

# `folio serve` under load: 500 concurrent loopback clients, 4 requests each on kept-alive
# connections, bounded to 60 s; p50/p99/max latency and errors, beside `hugo server` on a
# one-page site. Fails the benchmark when any request failed.
python3 Benchmarks/serve_load.py --folio "$bin" --root . --clients 500 --requests 4 --deadline 60 --hugo

# `folio serve` edit → reload: a saved edit to an article reaches its open page (budget: p50
# under 50 ms, p95 under 100 ms), then the full rebuild follows.
python3 Benchmarks/serve_reload.py --folio "$bin" --root . --runs 15 \
    --file Content/articles/leiden-2023/01-introduction.md --page leiden-2023/introduction/index.html

# Precision of the findings per code on the labelled audit set (Tests/FolioCLITests/Audit).
echo
echo "== findings: precision on the labelled audit set"
python3 scripts/audit-findings.py "$bin"
