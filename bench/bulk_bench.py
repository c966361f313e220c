#!/usr/bin/env python3
"""Bulk benchmark: `mkto leads sync --mode sync` against `--mode bulk` for 1,000,000 leads, and the peak memory of
`mkto leads import` and `mkto leads export` at 100,000 and 1,000,000 leads (flat as data grows).

Usage: python3 bench/bulk_bench.py [--rows 1000000] [--small-rows 100000] [--latency 300ms] [--rate 100/2s]
                                   [--concurrency 10] [--import-secs 5] [--export-secs 10] [--mkto PATH]

Builds nothing: run `cargo build --release -p marketo-cli` and copy target/release/mkto somewhere first. Each run
gets a fresh `mkto serve` (in memory) with the given per-call latency, rate limit and concurrency, and bulk jobs
that take --import-secs / --export-secs once started. Calls are the client's own count (mkto's summary); peak
memory is the max RSS of that one mkto process (GNU time, /usr/bin/time). Traffic stays on 127.0.0.1; every wait is bounded.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(__file__))
from sync_bench import free_port, get_json, seconds  # noqa: E402

def write_rows(path, rows):
    with open(path, "w") as f:
        f.write("email,firstName,lastName,company,city\n")
        for i in range(rows):
            f.write(f"bench{i}@example.com,First{i},Last{i},Company{i % 97},City{i % 13}\n")

class Server:
    def __init__(self, a, d):
        cfg = os.path.join(d, "emu.toml")
        with open(cfg, "w") as f:
            f.write(f"[bulk]\nimport_secs = {a.import_secs}\nexport_secs = {a.export_secs}\n")
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        self.proc = subprocess.Popen(
            [a.mkto, "serve", "--addr", f"127.0.0.1:{port}", "--in-memory", "--config", cfg, "--rate-limit", a.rate,
             "--concurrency", str(a.concurrency), "--latency", a.latency, "--daily-quota", "100000000"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                get_json(self.base + "/_emulator/health")
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        sys.exit("the emulator did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=60)

def run_mkto(a, server, args, d):
    env = dict(os.environ, MARKETO_ENDPOINT=server.base, MARKETO_CLIENT_ID="mkto-emulator",
               MARKETO_CLIENT_SECRET="mkto-emulator-secret")
    out_path, err_path = os.path.join(d, "out.json"), os.path.join(d, "err.txt")
    rss_path = os.path.join(d, "rss.txt")
    # GNU time measures mkto alone; the max RSS wait4 reports for a child of this (large) Python process would
    # include the pages of the Python process it was forked from.
    cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_path, a.mkto] + args + [
        "-q", "--format", "json", "--rate-limit", a.rate, "--concurrency", str(a.concurrency)]
    with open(out_path, "w") as out, open(err_path, "w") as err:
        t0 = time.monotonic()
        code = subprocess.run(cmd, env=env, stdout=out, stderr=err, timeout=7200).returncode
        wall = time.monotonic() - t0
    if code != 0:
        sys.exit(f"mkto {' '.join(args)} failed: {open(err_path).read()}")
    rss_kib = int(open(rss_path).read().split()[-1])
    return json.load(open(out_path)), wall, rss_kib / 1024

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--small-rows", type=int, default=100_000)
    ap.add_argument("--latency", default="300ms")
    ap.add_argument("--rate", default="100/2s")
    ap.add_argument("--concurrency", type=int, default=10)
    ap.add_argument("--import-secs", type=int, default=5)
    ap.add_argument("--export-secs", type=int, default=10)
    ap.add_argument("--mkto", default="target/release/mkto")
    ap.add_argument("--skip-sync", action="store_true", help="skip the --mode sync run (the slow one)")
    a = ap.parse_args()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("bulk_bench measures mkto's peak memory with GNU time: apt-get install time")
    if not os.path.exists(a.mkto):
        sys.exit(f"{a.mkto} not found: build with `cargo build --release -p marketo-cli` and copy it first")
    since = (datetime.now(timezone.utc) - timedelta(days=1)).strftime("%Y-%m-%d")
    print(f"emulator: latency {a.latency} per call, rate {a.rate}, {a.concurrency} in flight, "
          f"imports {a.import_secs} s and exports {a.export_secs} s once started")
    with tempfile.TemporaryDirectory() as d:
        big = os.path.join(d, "big.csv")
        write_rows(big, a.rows)
        print(f"\n{a.rows} leads ({os.path.getsize(big) / 1e6:.1f} MB): leads sync")
        print(f"{'mode':<6} {'wall s':>9} {'calls':>7} {'peak MiB':>9}")
        modes = ["bulk"] if a.skip_sync else ["sync", "bulk"]
        for mode in modes:
            s = Server(a, d)
            try:
                summary, wall, rss = run_mkto(a, s, ["leads", "sync", big, "--mode", mode], d)
            finally:
                s.stop()
            done = summary.get("created", 0) + summary.get("updated", 0) + summary.get("imported", 0)
            assert done == a.rows, summary
            print(f"{mode:<6} {wall:>9.1f} {summary['calls']:>7} {rss:>9.1f}")
        print("\npeak memory as data grows (mkto leads import, then mkto leads export of the same leads)")
        print(f"{'rows':>9} {'file MB':>8} {'import MiB':>11} {'import s':>9} {'export MiB':>11} {'export s':>9} "
              f"{'export MB':>10}")
        for rows in (a.small_rows, a.rows):
            path = os.path.join(d, f"in{rows}.csv")
            write_rows(path, rows)
            s = Server(a, d)
            try:
                imp, iwall, irss = run_mkto(a, s, ["leads", "import", path], d)
                assert imp["imported"] == rows, imp
                out = os.path.join(d, f"out{rows}.csv")
                exp, ewall, erss = run_mkto(
                    a, s, ["leads", "export", "--created-since", since, "--fields", "id,email,firstName,lastName",
                           "-o", out], d)
                assert exp["records"] == rows, exp
                size = os.path.getsize(out) / 1e6
            finally:
                s.stop()
            print(f"{rows:>9} {os.path.getsize(path) / 1e6:>8.1f} {irss:>11.1f} {iwall:>9.1f} {erss:>11.1f} "
                  f"{ewall:>9.1f} {size:>10.1f}")

if __name__ == "__main__":
    main()
