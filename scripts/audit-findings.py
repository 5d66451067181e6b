#!/usr/bin/env python3
"""Precision of Folio's findings per code on the labelled audit set.

Usage: scripts/audit-findings.py FOLIO_BINARY
Runs `folio check --format json` with an empty baseline and matches its findings to
Tests/FolioCLITests/Audit/findings.tsv by fingerprint; prints, per code and overall, how many
labelled findings (every error and warning, a sample of infos per code) are still reported and how many of those are defects at the stated place."""
import collections, json, os, subprocess, sys, tempfile

folio = sys.argv[1] if len(sys.argv) > 1 else ".build/release/folio"
labels = [l.rstrip("\n").split("\t") for l in open("Tests/FolioCLITests/Audit/findings.tsv", encoding="utf-8") if not l.startswith("#") and l.strip()]
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    f.write('{"version":2,"entries":[]}')
out = subprocess.run([folio, "check", "--format", "json", "--min-severity", "info", "--baseline", f.name], capture_output=True, text=True).stdout
os.unlink(f.name)
diagnostics = json.loads(out)["diagnostics"]
found = {d["fingerprint"] for d in diagnostics if "fingerprint" in d}
serious = {d["fingerprint"] for d in diagnostics if "fingerprint" in d and d.get("severity") != "info"}
per = collections.defaultdict(lambda: [0, 0])
for fingerprint, code, _, verdict, _ in labels:
    if fingerprint in found:
        per[code][1] += 1
        per[code][0] += verdict == "true"
print(f"{'code':8} {'right':>5} {'of':>4}  precision")
for code in sorted(per):
    right, total = per[code]
    print(f"{code:8} {right:5} {total:4}  {right / total:6.1%}")
right = sum(v[0] for v in per.values()); total = sum(v[1] for v in per.values())
print(f"{'all':8} {right:5} {total:4}  {right / max(1, total):6.1%}  (unlabelled errors and warnings: {len(serious - {l[0] for l in labels})}; infos are labelled by sample)")
