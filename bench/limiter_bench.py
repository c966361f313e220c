#!/usr/bin/env python3
"""Shared-limiter benchmark: several `mkto leads sync` jobs against one `mkto serve`, with and without the limiter
shared through Redis.

Usage: python3 bench/limiter_bench.py [--jobs 4] [--rows 30000] [--alone 60000] [--latency 300ms]
                                      [--mkto target/release/mkto] [--redis-server redis-server]
                                      [--only shared,unshared,alone,kill]

Builds nothing: run `cargo build --release` first. Needs Debian's redis-server (a private one is started on a free
loopback port for each case, without persistence). Every case gets a fresh emulator with the given latency and
Marketo's default limits (100 calls / 20 s, 10 in flight; the daily quota lifted), and prints from the emulator's
call log (GET /_emulator/calls): 606 and 615 answers, sync calls against the sum of ceil(n/300), all counted
calls, and aggregate throughput against the ceiling (5 calls/s x 300 records = 1,500 records/s).

Cases:
  shared    --jobs jobs of --rows leads each at once, each with --limiter redis://...
  unshared  the same jobs without the limiter (each keeps to the limits alone)
  alone     one job of --alone leads with the limiter, and the floor the window sets for its calls
  kill      the shared case with job 0 killed (SIGKILL) half-way: the others' pace after the kill, then
            `--resume` of job 0, which must end with every record accounted for exactly once
Every wait is bounded; traffic stays on 127.0.0.1.
"""
from datetime import datetime
import argparse, json, math, os, signal, socket, subprocess, sys, tempfile, time, urllib.request

LIMIT, WINDOW, SLOTS, PER_CALL = 100, 20.0, 10, 300
CEILING = LIMIT / WINDOW * PER_CALL  # records per second


def seconds(text):
    text = text.strip()
    return float(text[:-2]) / 1000 if text.endswith("ms") else float(text.rstrip("s"))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)


def wait_until(check, what, tries=200, pause=0.05):
    for _ in range(tries):
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(pause)
    sys.exit(f"{what} did not come up")


def write_rows(path, rows, tag):
    with open(path, "w") as f:
        f.write("email,firstName,lastName,company\n")
        for i in range(rows):
            f.write(f"{tag}-{i}@bench.example.com,First{i},Last{i},Company{i % 97}\n")


class Stack:
    """A fresh emulator (and Redis) for one case."""

    def __init__(self, a, d, with_redis):
        self.a, self.d = a, d
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.serve = subprocess.Popen(
            [a.mkto, "serve", "--addr", f"127.0.0.1:{self.port}", "--in-memory", "--latency", a.latency,
             "--daily-quota", "100000000"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: get_json(self.base + "/_emulator/health"), "the emulator")
        self.redis, self.url = None, None
        if with_redis:
            rport = free_port()
            self.redis = subprocess.Popen(
                [a.redis_server, "--port", str(rport), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                 "--dir", d], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.url = f"redis://127.0.0.1:{rport}/0"
            wait_until(lambda: socket.create_connection(("127.0.0.1", rport), timeout=1).close() or True,
                       "redis-server")
        self.env = dict(os.environ, MARKETO_ENDPOINT=self.base, MARKETO_CLIENT_ID="mkto-emulator",
                        MARKETO_CLIENT_SECRET="mkto-emulator-secret", MKTO_LOG="error")

    def job(self, path, extra=()):
        cmd = [self.a.mkto, "leads", "sync", path, "-q", "--format", "json"] + list(extra)
        if self.url:
            cmd += ["--limiter", self.url]
        return subprocess.Popen(cmd, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def calls(self):
        c = get_json(self.base + "/_emulator/calls")
        return c if isinstance(c, list) else c.get("calls", [])

    def close(self):
        for p in (self.serve, self.redis):
            if p:
                p.terminate()
                try:
                    p.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    p.kill()


def stamps(calls, sync_only=True):
    out = []
    for c in calls:
        if sync_only and not (c.get("path") == "/rest/v1/leads.json" and c.get("method") == "POST"):
            continue
        out.append(datetime.fromisoformat(c["at"].replace("Z", "+00:00")).timestamp())
    return sorted(out)


def finish(p, timeout=900):
    out, err = p.communicate(timeout=timeout)
    if p.returncode not in (0, 2):
        print(err, file=sys.stderr)
    try:
        return json.loads(out)
    except ValueError:
        return {"error": err.strip()[-300:], "exit": p.returncode}


def report(name, calls, rows_each, wall, summaries):
    codes = {}
    for c in calls:
        if c.get("code") is not None:
            codes[c["code"]] = codes.get(c["code"], 0) + 1
    sync = stamps(calls)
    counted = sum(1 for c in calls if c.get("counted"))
    optimum = sum(math.ceil(n / PER_CALL) for n in rows_each)
    records = sum(rows_each)
    done = sum(s.get("created", 0) + s.get("updated", 0) for s in summaries)
    print(f"[{name}] jobs {len(rows_each)} x {rows_each[0]} leads")
    print(f"  records synced       {done} of {records}")
    print(f"  wall time            {wall:.1f} s (first start to last exit)")
    print(f"  throughput           {records / wall:.0f} records/s = {100 * records / wall / CEILING:.1f}% of "
          f"{CEILING:.0f} (5 calls/s x 300)")
    print(f"  606 / 615            {codes.get(606, 0)} / {codes.get(615, 0)}")
    print(f"  sync calls           {len(sync)} (sum of ceil(n/300): {optimum})")
    print(f"  counted calls        {counted} (sync calls plus one describe per job)")
    return {"wall": wall, "606": codes.get(606, 0), "615": codes.get(615, 0), "sync_calls": len(sync),
            "optimum": optimum, "counted": counted, "throughput": records / wall}


def run_jobs(a, d, name, with_redis, rows_each):
    stack = Stack(a, d, with_redis)
    try:
        paths = []
        for j, n in enumerate(rows_each):
            p = os.path.join(d, f"{name}-{j}.csv")
            write_rows(p, n, f"{name}{j}")
            paths.append(p)
        t0 = time.monotonic()
        procs = [stack.job(p) for p in paths]
        summaries = [finish(p) for p in procs]
        wall = time.monotonic() - t0
        return report(name, stack.calls(), rows_each, wall, summaries)
    finally:
        stack.close()


def floor_for(counted, latency):
    """The least wall time the window allows for `counted` calls: each call waits for the one LIMIT before it to
    leave the window; within a window, SLOTS calls take one latency."""
    windows = (counted - 1) // LIMIT
    last = counted - windows * LIMIT
    return windows * WINDOW + math.ceil(last / SLOTS) * latency


def alone(a, d):
    r = run_jobs(a, d, "alone", True, [a.alone])
    floor = floor_for(r["counted"], seconds(a.latency))
    print(f"  window floor         {floor:.1f} s for {r['counted']} counted calls: measured is "
          f"{100 * (r['wall'] / floor - 1):+.1f}%")
    if r["counted"] % LIMIT == 1:
        print(f"  note                 one call past a multiple of {LIMIT} (the describe) costs a whole window; "
              f"{a.alone - PER_CALL} leads make {r['counted'] - 1} calls")
    return r


LEASES_OF = """local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = 0
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf')) do
  if string.find(id, ARGV[1], 1, true) then n = n + 1 end
end
return n"""


def leases_back(stack, pid, since, tries=150):
    """How long until the killed job holds no slot lease (polled with redis-cli, at most 30 s)."""
    key = f"mkto-limiter:{{127.0.0.1:{stack.port}}}:leases"
    rport = stack.url.rsplit(":", 1)[1].split("/")[0]
    held_at_kill = None
    for _ in range(tries):
        out = subprocess.run(["redis-cli", "-p", rport, "--raw", "EVAL", LEASES_OF, "1", key, f":{pid}:"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
        n = int(out) if out.isdigit() else -1
        if held_at_kill is None:
            held_at_kill = n
        if n == 0:
            return f"{time.time() - since:.1f} s (it held {held_at_kill})"
        time.sleep(0.2)
    return "not within 30 s"


def kill(a, d):
    stack = Stack(a, d, True)
    try:
        paths = []
        for j in range(a.jobs):
            p = os.path.join(d, f"kill-{j}.csv")
            write_rows(p, a.rows, f"kill{j}")
            paths.append(p)
        t0 = time.monotonic()
        procs = [stack.job(p) for p in paths]
        expected = a.jobs * a.rows / CEILING
        time.sleep(expected / 2 + 1.5)  # half-way through, as the window opens and calls are in flight
        killed_at = time.time()
        pid = procs[0].pid
        procs[0].send_signal(signal.SIGKILL)
        procs[0].wait(timeout=30)
        back_after = leases_back(stack, pid, killed_at)
        others = [finish(p) for p in procs[1:]]
        t_others = time.monotonic() - t0
        state = os.path.splitext(paths[0])[0] + ".state.json"
        done_before = None
        if os.path.exists(state):
            done_before = sum(b - a + 1 for a, b in json.load(open(state)).get("done", []))
        # Calls come in bursts as the window slides, so the pace is counted over whole windows.
        sync = stamps(stack.calls())
        first = sync[0] if sync else killed_at
        per_window = [0] * (int((max(sync[-1], killed_at) - first) // WINDOW) + 1 if sync else 1)
        for t in sync:
            per_window[int((t - first) // WINDOW)] += 1
        kill_window = int((killed_at - first) // WINDOW)
        view_now = subprocess.run([a.mkto, "usage", "--format", "json", "--limiter", stack.url],
                                  env=stack.env, capture_output=True, text=True, timeout=120)
        resumed = finish(stack.job(paths[0], ["--resume"]))
        wall = time.monotonic() - t0
        print(f"[kill] {a.jobs} jobs x {a.rows} leads, job 0 killed with SIGKILL at {expected / 2 + 1.5:.1f} s "
              f"(its checkpoint: {done_before} records done)")
        print(f"  other jobs           {sum(o.get('created', 0) for o in others)} created, done at {t_others:.1f} s")
        print(f"  slots of job 0       back {back_after} after the kill (lease time-to-live 6 s)")
        shown = ", ".join(f"[{n}]" if i == kill_window else str(n) for i, n in enumerate(per_window))
        print(f"  sync calls per 20 s  {shown} (from the first; [the kill's window]; the limit is {LIMIT})")
        print(f"  the other three      {3 * a.rows / t_others:.0f} records/s together = "
              f"{100 * 3 * a.rows / t_others / CEILING:.1f}% of the ceiling")
        try:
            jobs = json.loads(view_now.stdout)["limiter"]["jobs"]
            print(f"  leases after         {len(jobs)} job(s) hold slots once the others ended")
        except (ValueError, KeyError, TypeError):
            print(f"  leases after         (mkto usage: {view_now.stderr.strip()[-200:]})")
        total = sum(resumed.get(k, 0) for k in ("created", "updated", "failed", "pending", "skipped"))
        print(f"  --resume of job 0    created {resumed.get('created')} updated {resumed.get('updated')} "
              f"failed {resumed.get('failed')} pending {resumed.get('pending')}: {total} outcomes for "
              f"{a.rows} records")
        codes = {}
        for c in stack.calls():
            if c.get("code") is not None:
                codes[c["code"]] = codes.get(c["code"], 0) + 1
        print(f"  606 / 615            {codes.get(606, 0)} / {codes.get(615, 0)}; total wall {wall:.1f} s")
    finally:
        stack.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=4)
    ap.add_argument("--rows", type=int, default=30_000)
    ap.add_argument("--alone", type=int, default=60_000)
    ap.add_argument("--latency", default="300ms")
    ap.add_argument("--mkto", default="target/release/mkto")
    ap.add_argument("--redis-server", default="redis-server")
    ap.add_argument("--only", default="shared,unshared,alone,kill")
    a = ap.parse_args()
    if not os.path.exists(a.mkto):
        sys.exit(f"{a.mkto} not found: run `cargo build --release` first")
    a.mkto = os.path.abspath(a.mkto)
    cases = a.only.split(",")
    with tempfile.TemporaryDirectory() as d:
        os.chdir(d)
        if "shared" in cases:
            run_jobs(a, d, "shared", True, [a.rows] * a.jobs)
        if "unshared" in cases:
            run_jobs(a, d, "unshared", False, [a.rows] * a.jobs)
        if "alone" in cases:
            alone(a, d)
            r = run_jobs(a, d, "alone-1", True, [a.alone - PER_CALL])
            floor = floor_for(r["counted"], seconds(a.latency))
            print(f"  window floor         {floor:.1f} s for {r['counted']} counted calls: measured is "
                  f"{100 * (r['wall'] / floor - 1):+.1f}%")
        if "kill" in cases:
            kill(a, d)


if __name__ == "__main__":
    main()
