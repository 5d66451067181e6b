#!/usr/bin/env python3
"""Measures how long a saved edit takes to reach the open page under `folio serve`.

Starts `folio serve --port 0` on a project, opens the live-reload event stream as a page does,
then appends a line to a Markdown file N times. For each edit it records the time from the write
until the `reload` event that makes the edited page reload (the server re-renders the page alone
first), and until the full rebuild that follows has been pushed. Prints the median and 95th
percentile of both.

    swift build -c release --product folio
    Benchmarks/serve_reload.py --folio .build/release/folio --root . \
        --file Content/articles/leiden-2023/01-introduction.md --page leiden-2023/introduction/index.html
"""
import argparse, json, os, socket, statistics, subprocess, threading, time


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folio", default=".build/release/folio")
    parser.add_argument("--root", default=".")
    parser.add_argument("--file", default="Content/pages/about.md", help="file to edit, relative to --root")
    parser.add_argument("--page", default="about/index.html", help="the site file of the edited page")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    path = os.path.join(args.root, args.file)
    original = open(path, encoding="utf-8").read()
    server = subprocess.Popen([args.folio, "serve", "--port", "0", "--root", args.root],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    builds = []  # generations of finished builds, from the server's log ("Build 3: …")
    threading.Thread(target=lambda: [builds.append(line) for line in server.stderr if line.startswith("Build ")], daemon=True).start()
    try:
        url = server.stdout.readline().strip()  # e.g. http://127.0.0.1:41234/
        port = int(url.rsplit(":", 1)[1].strip("/"))
        events = socket.create_connection(("127.0.0.1", port), timeout=30)
        events.sendall(b"GET /__folio/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        buffer = b""

        def next_event():
            """The next server-sent event as (name, data)."""
            nonlocal buffer
            while True:
                while b"\n\n" not in buffer:
                    chunk = events.recv(65536)
                    if not chunk:
                        raise SystemExit("event stream closed")
                    buffer += chunk
                block, buffer = buffer.split(b"\n\n", 1)
                fields = dict(line.split(": ", 1) for line in block.decode().splitlines() if ": " in line)
                if "event" in fields:
                    return fields["event"], fields.get("data", "")

        while next_event()[0] != "hello":
            pass
        page_ms, full_ms = [], []
        for run in range(args.runs):
            done = len(builds)
            with open(path, "a", encoding="utf-8") as f:
                f.write("\nEdit %d.\n" % run)
            start = time.perf_counter()
            while True:
                name, data = next_event()
                if name == "failure":
                    raise SystemExit("the rebuild failed; fix the project first (see `folio build`)")
                if name == "reload":
                    paths = json.loads(data).get("paths")
                    if paths is None or args.page in paths:
                        page_ms.append((time.perf_counter() - start) * 1000)
                        break
            while len(builds) == done:  # the full rebuild that follows
                time.sleep(0.001)
            full_ms.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)  # let the stream drain between edits; not part of the measurement
            while True:  # drop the full rebuild's own reload event, if it sent one
                events.settimeout(0.05)
                try:
                    next_event()
                except (socket.timeout, TimeoutError):
                    break
                finally:
                    events.settimeout(30)
        print("each run (ms):", " ".join("%.0f" % v for v in page_ms)) if os.environ.get("VERBOSE") else None
        print("edit → reload of the edited page, %d runs: median %.0f ms, p95 %.0f ms, max %.0f ms"
              % (len(page_ms), statistics.median(page_ms), percentile(page_ms, 0.95), max(page_ms)))
        print("edit → full rebuild pushed: median %.0f ms, p95 %.0f ms"
              % (statistics.median(full_ms), percentile(full_ms, 0.95)))
    finally:
        open(path, "w", encoding="utf-8").write(original)
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
