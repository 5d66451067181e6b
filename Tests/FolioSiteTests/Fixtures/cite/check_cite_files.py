"""Parses every "cite this" file of a built site as a reference manager would.

BibTeX with bibtexparser, CSL-JSON with citeproc-py (rendered in the bundled Harvard style),
the Atom feed with the standard XML parser. Prints one JSON summary line; exits 1 on a failure.
"""
import glob
import json
import sys
import xml.etree.ElementTree as ET

import bibtexparser
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

site = sys.argv[1]
problems = []

entries = []
for path in sorted(glob.glob(site + "/**/cite.bib", recursive=True)):
    text = open(path, encoding="utf-8").read()
    if hasattr(bibtexparser, "loads"):
        found = [dict(e) for e in bibtexparser.loads(text).entries]
    else:
        library = bibtexparser.parse_string(text)
        if library.failed_blocks:
            problems.append(f"{path}: unparsed block")
        found = [dict(e.fields_dict, ID=e.key, ENTRYTYPE=e.entry_type) for e in library.entries]
        found = [{k: (v.value if hasattr(v, "value") else v) for k, v in e.items()} for e in found]
    if len(found) != 1:
        problems.append(f"{path}: {len(found)} entries")
    for e in found:
        for key in ("ID", "title", "author"):
            if not e.get(key):
                problems.append(f"{path}: no {key}")
        entries.append(e)

items = []
for path in sorted(glob.glob(site + "/**/cite.json", recursive=True)):
    items += json.load(open(path, encoding="utf-8"))
style = CitationStylesStyle("harvard-cite-them-right", validate=False)
bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
for item in items:
    bibliography.register(Citation([CitationItem(item["id"])]))
rendered = [str(r) for r in bibliography.bibliography()]
if len(rendered) != len(items):
    problems.append(f"rendered {len(rendered)} of {len(items)} CSL items")
for text in rendered:
    if not text.strip() or "?" == text.strip():
        problems.append(f"empty reference: {text!r}")

feed = ET.parse(site + "/feed.xml").getroot()
atom = "{http://www.w3.org/2005/Atom}"
feed_entries = feed.findall(atom + "entry")
for entry in feed_entries:
    for child in ("title", "id", "updated", "link"):
        if entry.find(atom + child) is None:
            problems.append(f"feed entry without {child}")

print(json.dumps({"bibtex": len(entries), "csl": len(items), "rendered": len(rendered),
                  "feed": len(feed_entries), "sample": rendered[0] if rendered else "", "problems": problems[:10]}))
sys.exit(1 if problems else 0)
