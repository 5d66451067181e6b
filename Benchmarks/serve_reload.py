#!/usr/bin/env python3
"""Measures how long a saved edit takes to reach an open page under `folio serve`.

Starts `folio serve --port 0` on a project, opens the live-reload event stream as a page does,
then appends a line to a Markdown file N times and records the time from each write until the
`reload` event arrives (the page reloads on that event). Prints min / median / max in ms.

    swift build -c release --product folio
    Benchmarks/serve_reload.py --folio .build/release/folio --root . --file Content/pages/about.md
"""
import argparse, os, socket, statistics, subprocess, sys, time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folio", default=".build/release/folio")
    parser.add_argument("--root", default=".")
    parser.add_argument("--file", default="Content/pages/about.md", help="file to edit, relative to --root")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    path = os.path.join(args.root, args.file)
    original = open(path, encoding="utf-8").read()
    server = subprocess.Popen([args.folio, "serve", "--port", "0", "--root", args.root, "--quiet"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = server.stdout.readline().strip()  # e.g. http://127.0.0.1:41234/
        port = int(url.rsplit(":", 1)[1].strip("/"))
        events = socket.create_connection(("127.0.0.1", port), timeout=30)
        events.sendall(b"GET /__folio/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        buffer = b""

        def wait_for(marker):
            nonlocal buffer
            while marker not in buffer:
                chunk = events.recv(65536)
                if not chunk:
                    raise SystemExit("event stream closed")
                buffer += chunk
            buffer = buffer[buffer.index(marker) + len(marker):]

        wait_for(b"event: hello")
        latencies = []
        for run in range(args.runs):
            with open(path, "a", encoding="utf-8") as f:
                f.write("\nEdit %d.\n" % run)
            start = time.perf_counter()
            wait_for(b"event: reload")
            latencies.append((time.perf_counter() - start) * 1000)
            time.sleep(0.3)  # let the watcher settle between edits; not part of the measurement
        print("edit → reload event, %d runs: min %.0f ms, median %.0f ms, max %.0f ms"
              % (len(latencies), min(latencies), statistics.median(latencies), max(latencies)))
    finally:
        open(path, "w", encoding="utf-8").write(original)
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
