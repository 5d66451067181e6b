#!/usr/bin/env python3
"""Load test of `folio serve`: many concurrent loopback clients, a bounded number of requests.

Starts `folio serve --port 0` on a project, waits for its first build, then opens CLIENTS
connections at once; each sends REQUESTS GET requests one after another on its kept-alive
connection, cycling through the home page, the style sheet and pages linked from the home page.
Every answer must be 200. Prints the number of answers, the errors, p50 / p99 / max latency (from
sending a request, or from connecting for the first one, to the last byte of its answer) and the
throughput. With --hugo, does the same against `hugo server` on a one-page Hugo site for
comparison. The whole run is bounded by --deadline seconds; requests still open then count as
errors. Exit status 1 when there were errors.

    swift build -c release --product folio
    Benchmarks/serve_load.py --folio .build/release/folio --root . --clients 500 --requests 4
"""
import argparse, asyncio, os, re, shutil, socket, subprocess, sys, tempfile, time


async def read_answer(reader):
    """Reads one HTTP/1.1 answer; returns its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def client(port, paths, requests, offset, latencies, errors, timeout):
    start = time.perf_counter()
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    except Exception as error:  # noqa: BLE001 — every failure is counted, none is fatal
        errors.append(f"connect: {type(error).__name__}: {error}")
        return
    try:
        for number in range(requests):
            path = paths[(offset + number) % len(paths)]
            if number:
                start = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            await writer.drain()
            status = await asyncio.wait_for(read_answer(reader), timeout)
            latencies.append(time.perf_counter() - start)
            if status != 200:
                errors.append(f"{path}: status {status}")
    except Exception as error:  # noqa: BLE001
        errors.append(f"{type(error).__name__}: {error}")
    finally:
        writer.close()


async def load(port, paths, clients, requests, deadline, timeout):
    latencies, errors = [], []
    tasks = [asyncio.create_task(client(port, paths, requests, n, latencies, errors, timeout)) for n in range(clients)]
    start = time.perf_counter()
    done, pending = await asyncio.wait(tasks, timeout=deadline)
    for task in pending:
        task.cancel()
    elapsed = time.perf_counter() - start
    missing = clients * requests - len(latencies) - len(errors)
    if pending:
        errors.append(f"{len(pending)} clients still running after {deadline} s")
    return latencies, errors, max(0, missing), elapsed


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * (len(ordered) - 1) + 0.5))] if ordered else float("nan")


def report(name, clients, requests, latencies, errors, missing, elapsed):
    ms = lambda seconds: f"{seconds * 1000:7.1f} ms"
    print(f"{name:13} {clients} clients x {requests} requests: {len(latencies)} answered, {len(errors) + missing} errors; "
          f"p50 {ms(percentile(latencies, 0.5))}  p99 {ms(percentile(latencies, 0.99))}  max {ms(max(latencies, default=float('nan')))}  "
          f"{len(latencies) / elapsed:7.0f} req/s")
    for error in sorted(set(errors))[:5]:
        print(f"  error: {error}")


def wait_for_port(port, process, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port} after {seconds} s")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(port, path):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    return data.decode("utf-8", "replace")


def run_folio(args, scratch):
    command = [args.folio, "serve", "--port", "0", "--root", args.root, "--output", os.path.join(scratch, "Site")]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = server.stdout.readline().strip()  # printed once the first build is done
        if not url:
            raise SystemExit("folio serve printed no address; does the project build?")
        port = int(url.rsplit(":", 1)[1].strip("/"))
        home = fetch(port, "/")
        pages = [p for p in dict.fromkeys(re.findall(r'href="(/[A-Za-z0-9_./-]+/)"', home)) if p != "/"][:8]
        paths = ["/", "/assets/folio.css"] + pages
        latencies, errors, missing, elapsed = asyncio.run(load(port, paths, args.clients, args.requests, args.deadline, args.timeout))
        report("folio serve", args.clients, args.requests, latencies, errors, missing, elapsed)
        return bool(errors) or missing > 0
    finally:
        server.terminate()
        server.wait(timeout=10)


def run_hugo(args, scratch):
    hugo = shutil.which("hugo")
    if not hugo:
        print("hugo server  (skipped: hugo is not installed)")
        return False
    site = os.path.join(scratch, "hugo")
    os.makedirs(os.path.join(site, "layouts"))
    os.makedirs(os.path.join(site, "content"))
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write('baseURL = "http://127.0.0.1/"\ntitle = "Load"\ndisableKinds = ["RSS", "sitemap", "taxonomy", "term", "robotsTXT", "404"]\n')
    with open(os.path.join(site, "layouts", "index.html"), "w") as f:
        f.write("<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n")
    with open(os.path.join(site, "content", "_index.md"), "w") as f:
        f.write("---\ntitle: Load\n---\n\n" + "A paragraph of text for the load test.\n\n" * 100)
    port = free_port()
    server = subprocess.Popen([hugo, "server", "--source", site, "--bind", "127.0.0.1", "--port", str(port), "--disableLiveReload", "--quiet"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, server, 60)
        fetch(port, "/")
        latencies, errors, missing, elapsed = asyncio.run(load(port, ["/"], args.clients, args.requests, args.deadline, args.timeout))
        report("hugo server", args.clients, args.requests, latencies, errors, missing, elapsed)
        return False  # Hugo's errors are reported, not ours to fail on
    finally:
        server.terminate()
        server.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folio", default=".build/release/folio")
    parser.add_argument("--root", default=".", help="project to serve")
    parser.add_argument("--clients", type=int, default=500, help="concurrent connections")
    parser.add_argument("--requests", type=int, default=4, help="requests per connection")
    parser.add_argument("--deadline", type=float, default=60, help="seconds for the whole run")
    parser.add_argument("--timeout", type=float, default=20, help="seconds for one request")
    parser.add_argument("--hugo", action="store_true", help="also load `hugo server` on a one-page site")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        failed = run_folio(args, scratch)
        if args.hugo:
            run_hugo(args, scratch)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
