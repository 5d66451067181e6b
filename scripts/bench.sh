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
