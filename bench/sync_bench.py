#!/usr/bin/env python3
"""End-to-end sync benchmark: `mkto leads sync` against `mkto serve` on loopback.

Usage: python3 bench/sync_bench.py [--rows 100000] [--latency 300ms] [--rate 100/2s] [--concurrency 10]
                                   [--mode sync|bulk|auto] [--mkto target/release/mkto]

Builds nothing: run `cargo build --release` first. Generates a synthetic CSV of --rows leads, starts the emulator
with the given latency and limits (daily quota lifted), runs the sync with the client told the same limits, and
prints: wall time, calls, achieved calls/s against the ceiling min(limit/window, concurrency/latency), records per
call against the optimum (300), the number of 606 and 615 answers, and mkto's peak memory (max RSS).
Every loop is bounded; traffic stays on 127.0.0.1.
"""
from datetime import datetime
import argparse, json, os, re, resource, socket, subprocess, sys, tempfile, time, urllib.request

def seconds(text):
    m = re.fullmatch(r"(\d+)(ms|s|m)?", text.strip())
    if not m:
        sys.exit(f"bad duration {text!r}")
    n, unit = int(m.group(1)), m.group(2) or "s"
    return n / 1000 if unit == "ms" else n * 60 if unit == "m" else n

def write_rows(path, rows):
    with open(path, "w") as f:
        f.write("email,firstName,lastName,company,city\n")
        for i in range(rows):
            f.write(f"bench{i}@example.com,First{i},Last{i},Company{i % 97},City{i % 13}\n")

def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port

def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--latency", default="300ms")
    ap.add_argument("--rate", default="100/2s")
    ap.add_argument("--concurrency", type=int, default=10)
    ap.add_argument("--mode", default=None, help="pass --mode to mkto leads sync (bulk, sync, auto)")
    ap.add_argument("--mkto", default="target/release/mkto")
    a = ap.parse_args()
    if not os.path.exists(a.mkto):
        sys.exit(f"{a.mkto} not found: run `cargo build --release` first")
    calls_per, window = a.rate.split("/")
    ceiling = min(int(calls_per) / seconds(window), a.concurrency / seconds(a.latency))
    with tempfile.TemporaryDirectory() as d:
        csv_path = os.path.join(d, "leads.csv")
        write_rows(csv_path, a.rows)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        serve = subprocess.Popen(
            [a.mkto, "serve", "--addr", f"127.0.0.1:{port}", "--in-memory", "--rate-limit", a.rate,
             "--concurrency", str(a.concurrency), "--latency", a.latency, "--daily-quota", "100000000"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(200):  # at most ~10 s for the server to come up
                try:
                    get_json(base + "/_emulator/health")
                    break
                except OSError:
                    time.sleep(0.05)
            else:
                sys.exit("the emulator did not start")
            env = dict(os.environ, MARKETO_ENDPOINT=base, MARKETO_CLIENT_ID="mkto-emulator",
                       MARKETO_CLIENT_SECRET="mkto-emulator-secret")
            cmd = [a.mkto, "leads", "sync", csv_path, "-q", "--format", "json", "--rate-limit", a.rate,
                   "--concurrency", str(a.concurrency)]
            if a.mode:
                cmd += ["--mode", a.mode]
            # GNU time measures mkto alone; without it, wait4's max RSS also counts the pages of this Python
            # process that the child was forked from, so the figure is only an upper bound.
            rss_path = os.path.join(d, "rss.txt")
            gnu_time = os.path.exists("/usr/bin/time")
            if gnu_time:
                cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_path] + cmd
            t0 = time.monotonic()
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=3600)
            wall = time.monotonic() - t0
            if gnu_time and out.returncode == 0:
                rss_kib = int(open(rss_path).read().split()[-1])
                rss_note = "max RSS"
            else:
                rss_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                rss_note = "upper bound: install GNU time (apt-get install time) for mkto alone"
            if out.returncode != 0:
                print(out.stderr, file=sys.stderr)
                sys.exit(f"mkto exited {out.returncode}")
            summary = json.loads(out.stdout)
            calls = get_json(base + "/_emulator/calls")
            records = calls if isinstance(calls, list) else calls.get("calls", [])
            sync_calls = [c for c in records if c.get("path") == "/rest/v1/leads.json" and c.get("method") == "POST"]
            codes = {}
            for c in records:
                code = c.get("code")
                if code is not None:
                    codes[code] = codes.get(code, 0) + 1
        finally:
            serve.terminate()
            serve.wait(timeout=30)
    optimum_calls = -(-a.rows // 300)
    achieved = len(sync_calls) / wall if wall > 0 else 0
    # Steady state: sync answers per second between the first and the last one (no start-up, no describe).
    stamps = sorted(datetime.fromisoformat(c["at"].replace("Z", "+00:00")) for c in sync_calls if c.get("at"))
    span = (stamps[-1] - stamps[0]).total_seconds() if len(stamps) > 1 else 0
    steady = (len(stamps) - 1) / span if span > 0 else 0
    print(f"rows                 {a.rows}")
    if summary.get("mode") == "bulk":
        print(f"imported             {summary['imported']}  failed {summary['failed']}  pending {summary['pending']}  "
              f"imports {summary['imports']}")
    else:
        print(f"created/updated      {summary['created']}/{summary['updated']}  skipped {summary['skipped']}  "
              f"failed {summary['failed']}  pending {summary['pending']}")
    print(f"all calls            {len(records)} (the emulator's call log)")
    print(f"wall time            {wall:.2f} s")
    print(f"sync calls           {len(sync_calls)} (optimum {optimum_calls})")
    print(f"records per call     {a.rows / max(len(sync_calls), 1):.1f} (optimum 300)")
    print(f"calls per second     {steady:.2f} of ceiling {ceiling:.2f} = {100 * steady / ceiling:.1f}% "
          f"(first to last sync answer)")
    print(f"  end to end         {achieved:.2f} = {100 * achieved / ceiling:.1f}% (wall time, start-up included)")
    print(f"606 answers          {codes.get(606, 0)}")
    print(f"615 answers          {codes.get(615, 0)}")
    print(f"mkto peak memory     {rss_kib / 1024:.1f} MiB ({rss_note})")

if __name__ == "__main__":
    main()
