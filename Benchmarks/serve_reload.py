#!/usr/bin/env python3
"""Measures how long a saved edit takes to reach an open page under `folio serve`.

Starts `folio serve --port 0` on a project, opens the live-reload event stream as a page does,
then appends a line to a Markdown file N times and records the time from each write until the
`reload` event arrives (the page reloads on that event). Prints min / median / max in ms.

    swift build -c release --product folio
    Benchmarks/serve_reload.py --folio .build/release/folio --root . --file Content/pages/about.md
"""
import argparse, os, re, socket, statistics, subprocess, sys, threading, time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folio", default=".build/release/folio")
    parser.add_argument("--root", default=".")
    parser.add_argument("--file", default="Content/pages/about.md", help="file to edit, relative to --root")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    path = os.path.join(args.root, args.file)
    original = open(path, encoding="utf-8").read()
    server = subprocess.Popen([args.folio, "serve", "--port", "0", "--root", args.root],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    build_ms = []  # rebuild times the server reports ("Build 3: 95 pages in 412 ms")

    def read_log():
        for line in server.stderr:
            match = re.match(r"Build (\d+): .* in (\d+) ms", line)
            if match and int(match.group(1)) > 1:
                build_ms.append(int(match.group(2)))
    threading.Thread(target=read_log, daemon=True).start()
    try:
        url = server.stdout.readline().strip()  # e.g. http://127.0.0.1:41234/
        port = int(url.rsplit(":", 1)[1].strip("/"))
        events = socket.create_connection(("127.0.0.1", port), timeout=30)
        events.sendall(b"GET /__folio/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        buffer = b""

        def wait_for(marker):
            nonlocal buffer
            while marker not in buffer:
                if b"event: failure" in buffer:
                    raise SystemExit("the rebuild failed; fix the project first (see `folio build`)")
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
        time.sleep(0.2)
        print("edit → reload event, %d runs: min %.0f ms, median %.0f ms, max %.0f ms"
              % (len(latencies), min(latencies), statistics.median(latencies), max(latencies)))
        if build_ms:
            print("of which the rebuild: median %.0f ms; detection and push: median %.0f ms"
                  % (statistics.median(build_ms), statistics.median(latencies) - statistics.median(build_ms)))
    finally:
        open(path, "w", encoding="utf-8").write(original)
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
