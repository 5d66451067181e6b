#!/usr/bin/env python3
"""Picks the passages of the entity benchmark: 32 per report, evenly spaced through each raw
source among lines of running text (150-900 characters, not headings, tables or notes), and
alternately puts them in the tuning half and the held-out half. Prints them for labelling;
the labels in passages.yml were written by reading these lines.

With --fixtures, picks up to 8 paragraphs per fixture document of Tests/ForeignReports the same
way (their converters wrap lines, so a passage is a paragraph: its lines joined, runs of white
space made one space); fixture-passages.yml labels those."""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SOURCES = {
    "cmia-2021": "cmia-2021-penetrating-insights.txt",
    "cmia-2024": "cmia-2024-penetrating-insights.txt",
    "cst-2024": "cst-2024-inspiring-practices.txt",
    "giz-ccid-2022": "giz-ccid-2022-digital-business-models.txt",
    "leiden-2023": "leiden-2023-china-industrial-iot.txt",
}
PER_SOURCE = 32
FIXTURES = os.path.join(ROOT, "Tests", "ForeignReports")
PER_FIXTURE = 8


def running_text(line):
    s = line.strip()
    if not (150 <= len(s) <= 900):
        return False
    if s[0] in "#|[<-*" or s[:2].isdigit():
        return False
    return sum(1 for w in s.split() if w.islower()) >= 10


def passages():
    out = []
    for name, file in SOURCES.items():
        lines = open(os.path.join(ROOT, "Content/sources", file), encoding="utf-8").read().split("\n")
        candidates = [i + 1 for i, l in enumerate(lines) if running_text(l)]
        step = len(candidates) / PER_SOURCE
        chosen = [candidates[int(k * step + step / 2)] for k in range(PER_SOURCE)]
        for k, n in enumerate(chosen):
            out.append((name, n, "tuning" if k % 2 == 0 else "held-out", lines[n - 1].strip()))
    return out


def paragraphs(lines):
    """(first line, last line, text) of each run of non-blank lines."""
    out, start, buf = [], None, []
    for i, line in enumerate(lines + [""]):
        if line.strip():
            start = i + 1 if start is None else start
            buf.append(line.strip())
        elif buf:
            out.append((start, i, re.sub(r"\s+", " ", " ".join(buf))))
            start, buf = None, []
    return out


def fixture_passages():
    out = []
    for file in sorted(os.listdir(FIXTURES)):
        if os.path.splitext(file)[1] not in (".txt", ".md") or file == "SOURCES.md":
            continue
        lines = open(os.path.join(FIXTURES, file), encoding="utf-8").read().split("\n")
        candidates = [p for p in paragraphs(lines) if running_text(p[2])]
        count = min(PER_FIXTURE, len(candidates))
        step = len(candidates) / max(count, 1)
        chosen = [candidates[int(k * step + step / 2)] for k in range(count)]
        name = os.path.splitext(file)[0].lower()
        for k, (first, last, text) in enumerate(chosen):
            out.append((name, f"{first}-{last}", "tuning" if k % 2 == 0 else "held-out", text))
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["--fixtures"]:
        for name, lines, split, text in fixture_passages():
            print(f"== {name}:{lines} {split}\n{text}\n")
        sys.exit(0)
    which = sys.argv[1] if len(sys.argv) > 1 else None
    for name, n, split, text in passages():
        if which and not name.startswith(which):
            continue
        print(f"== {name}:{n} {split}\n{text}\n")
