"""Folio against Hugo on the same articles with the same four taxonomies.

Both tools build the same Content/articles (Hugo gets a copy with minimal templates: one page
layout and one list layout; no RSS) side by side in one run: each round builds with both, in
alternating order, and the script prints the medians of CPU time (user + system of the process
and its threads), wall time and peak memory. Then the same on the corpus replicated N times.
Folio is measured four ways: `folio build --clean` (no cache; over the previous output, as
Hugo builds over its own, only files whose bytes changed are written), the same into an empty
folder, a rebuild with nothing changed, and a rebuild after one article was edited (build cache
and previous output reused).
    python3 scripts/bench-hugo.py FOLIO_BINARY RUNS SCRATCH [COPIES...]
"""
import os, re, shutil, statistics, subprocess, sys, time

TAXONOMIES = {"company": "companies", "city": "cities", "sdg": "sdgs", "technology": "technologies"}
PAGE = "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n"
LIST = ("<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}<ul>"
        "{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n")


def replicate_articles(source, target, copies):
    """Copies every document folder `copies` times (`doc`, `doc-r2`, …), renaming the document."""
    os.makedirs(target, exist_ok=True)
    for document in sorted(os.listdir(source)):
        folder = os.path.join(source, document)
        if not os.path.isdir(folder):
            continue
        for copy in range(1, copies + 1):
            name = document if copy == 1 else f"{document}-r{copy}"
            shutil.copytree(folder, os.path.join(target, name))
            if copy == 1:
                continue
            for root, _, files in os.walk(os.path.join(target, name)):
                for file in files:
                    if file.endswith(".md"):
                        path = os.path.join(root, file)
                        text = open(path, encoding="utf-8").read()
                        text = text.replace(f'document: "{document}"', f'document: "{name}"', 1)
                        open(path, "w", encoding="utf-8").write(text)


def folio_project(binary, scratch, copies):
    root = os.path.join(scratch, f"folio-{copies}x")
    os.makedirs(root)
    shutil.copy("folio.yml", root)
    if os.path.isdir("Templates"):
        shutil.copytree("Templates", os.path.join(root, "Templates"))
    shutil.copytree("Content", os.path.join(root, "Content"), ignore=shutil.ignore_patterns("articles"))
    replicate_articles("Content/articles", os.path.join(root, "Content", "articles"), copies)
    # The copies' known findings are accepted, as the corpus's are, so every build publishes.
    subprocess.run([binary, "check", "--quiet", "--root", root, "--write-baseline"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return root


def hugo_project(scratch, copies):
    root = os.path.join(scratch, f"hugo-{copies}x")
    os.makedirs(os.path.join(root, "layouts", "_default"))
    with open(os.path.join(root, "config.toml"), "w") as f:
        f.write('baseURL = "http://localhost/"\ntitle = "bench"\ndisableKinds = ["RSS"]\n[taxonomies]\n')
        for singular, plural in TAXONOMIES.items():
            f.write(f'  {singular} = "{plural}"\n')
    open(os.path.join(root, "layouts", "_default", "single.html"), "w").write(PAGE)
    open(os.path.join(root, "layouts", "_default", "list.html"), "w").write(LIST)
    content = os.path.join(root, "content")
    replicate_articles("Content/articles", content, copies)
    # A folder's index.md would make it a leaf bundle and hide its articles: Hugo's section page is _index.md.
    for folder, _, files in os.walk(content):
        if "index.md" in files:
            os.rename(os.path.join(folder, "index.md"), os.path.join(folder, "_index.md"))
    return root


def edit_one_article(root):
    """Appends a sentence to one article, as an author saving a change would."""
    folder = os.path.join(root, "Content", "articles")
    document = sorted(d for d in os.listdir(folder) if os.path.isdir(os.path.join(folder, d)))[0]
    article = sorted(f for f in os.listdir(os.path.join(folder, document)) if f.endswith(".md") and f != "index.md")[0]
    with open(os.path.join(folder, document, article), "a", encoding="utf-8") as f:
        f.write("\nAn edited sentence, %d.\n" % time.perf_counter_ns())


def measure(cmd, before=None):
    """Wall seconds, CPU seconds (user + system) and peak resident MiB of one run of `cmd`."""
    if before:
        before()
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"error: {' '.join(cmd)} exited {code}: {process.stderr.read().decode(errors='replace')[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    binary, runs, scratch = os.path.abspath(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    copies_list = [int(c) for c in sys.argv[4:]] or [1, 10]
    hugo = shutil.which("hugo")
    if hugo is None:
        sys.exit("error: hugo is not installed; install it with `apt-get install hugo` (`make bench` does)")
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[:2]
    print(f"Folio build against {' '.join(version)}: {runs} paired runs, medians")
    for copies in copies_list:
        folio_root = folio_project(binary, scratch, copies)
        hugo_root = hugo_project(scratch, copies)
        articles = sum(1 for _, _, files in os.walk(os.path.join(hugo_root, "content")) for f in files if f.endswith(".md"))
        folio_out = os.path.join(scratch, f"folio-out-{copies}")
        folio = [binary, "build", "--quiet", "--root", folio_root, "--output", folio_out]
        commands = {
            "folio": folio + ["--clean"],
            "hugo": [hugo, "--quiet", "--source", hugo_root, "--destination", os.path.join(scratch, f"hugo-out-{copies}")],
            "folio into empty": folio + ["--clean"],
            "folio unchanged": folio,
            "folio one edit": folio,
        }
        # `--clean` computes everything without the cache; over the previous output (as Hugo's
        # runs are) it writes only the files whose bytes changed. "into empty" removes the output
        # first (not timed), so every file and folder is created anew.
        prepare = {
            "folio one edit": lambda: edit_one_article(folio_root),
            "folio into empty": lambda: shutil.rmtree(folio_out, ignore_errors=True),
        }
        results = {name: [] for name in commands}
        subprocess.run(folio, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fills the cache
        for round in range(runs):
            # Clean and Hugo alternate; the rebuilds follow a build of the same sources.
            order = (["folio", "hugo"] if round % 2 == 0 else ["hugo", "folio"]) + ["folio into empty", "folio unchanged", "folio one edit"]
            for name in order:
                results[name].append(measure(commands[name], prepare.get(name)))
        medians = {name: [statistics.median(v[i] for v in values) for i in range(3)] for name, values in results.items()}
        for name, (wall, cpu, rss) in medians.items():
            print(f"  {copies:>3}x ({articles:>5} pages) {name:15}  wall {wall*1000:8.1f} ms   cpu {cpu*1000:8.1f} ms   peak {rss:7.1f} MiB")
        fw, fc, _ = medians["folio"]
        hw, hc, _ = medians["hugo"]
        ew, ec, _ = medians["folio one edit"]
        print(f"  {copies:>3}x folio --clean / hugo   wall {fw/hw:5.2f}x     cpu {fc/hc:5.2f}x   (budget: 0.50x)")
        print(f"  {copies:>3}x one edit / --clean     wall {ew/fw:5.2f}x     cpu {ec/fc:5.2f}x   (budget: 0.15x)")


main()
