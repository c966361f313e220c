"""Starting and stopping `mkto serve` for a test suite."""

import json
import os
import secrets
import subprocess
import threading

from .admin import AdminClient


class EmulatorNotStarted(RuntimeError):
    """`mkto serve` exited (or printed something unexpected) before it listened."""


class Emulator:
    """A running `mkto serve` on a free loopback port.

    Attributes: `url` (the REST base URL, also the identity host), `identity_url`, `admin_url`, `ui_url`,
    `client_id`, `client_secret`, `admin_token` (generated unless given; sent on every admin call), `pid`, and
    `admin` (an `AdminClient`).
    """

    def __init__(self, proc, info, admin_token):
        self._proc = proc
        self.info = info
        self.url = info["url"]
        self.identity_url = info["identity_url"]
        self.admin_url = info["admin_url"]
        self.ui_url = info.get("ui_url", self.admin_url + "/ui")
        self.client_id = info["client_id"]
        self.client_secret = info["client_secret"]
        self.pid = info["pid"]
        self.admin_token = admin_token
        self.admin = AdminClient(self.admin_url, admin_token)

    @classmethod
    def start(cls, binary=None, args=(), admin_token=None, scenario=None, config=None, env=None, timeout=30):
        """Start `mkto serve --addr 127.0.0.1:0 --in-memory --print-json` and wait for its start line.

        `binary`: the `mkto` executable (default: `$MKTO_BIN`, else `mkto` on PATH). `args`: more flags.
        `admin_token`: the admin token to require (default: a fresh random one; `False` for none). It goes to
        the process through `MKTO_ADMIN_TOKEN`, never on its command line. `scenario` / `config`: a scenario or
        config file path. `timeout`: seconds to wait for the start line.
        """
        binary = binary or os.environ.get("MKTO_BIN", "mkto")
        if admin_token is None:
            admin_token = secrets.token_urlsafe(24)
        cmd = [binary, "serve", "--addr", "127.0.0.1:0", "--in-memory", "--print-json"]
        if scenario:
            cmd += ["--scenario", str(scenario)]
        if config:
            cmd += ["--config", str(config)]
        cmd += list(args)
        child_env = dict(os.environ if env is None else env)
        child_env.pop("MKTO_ADMIN_TOKEN", None)
        if admin_token:
            child_env["MKTO_ADMIN_TOKEN"] = admin_token
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env=child_env
        )
        line = _first_line(proc, timeout)
        try:
            info = json.loads(line)
        except ValueError:
            proc.kill()
            proc.wait()
            raise EmulatorNotStarted(f"mkto serve printed {line!r} instead of its JSON start line") from None
        # Drain stderr so a chatty emulator never blocks on a full pipe.
        threading.Thread(target=proc.stderr.read, daemon=True).start()
        return cls(proc, info, admin_token or None)

    def stop(self, timeout=10):
        """Stop it (SIGTERM, then SIGKILL after `timeout` seconds)."""
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc.stdout.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    # Shortcuts to the admin client, for the everyday calls.
    def reset(self, to=None):
        """Back to the baseline (the config's seed and faults, the loaded scenario), or `to="empty"`."""
        return self.admin.reset(to)

    def seed(self, doc):
        """Load leads and lists: `{"leads": [...], "lists": [{"id": 1001, "name": "..."}]}`."""
        return self.admin.seed(doc)

    def calls(self, **filters):
        """The request log (filters: path, code, method, since, after, limit, bodies)."""
        return self.admin.calls(**filters)


def _first_line(proc, timeout):
    """The process's first stdout line, or EmulatorNotStarted with its stderr when it exits or stays silent."""
    box = {}

    def read():
        box["line"] = proc.stdout.readline()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    line = box.get("line", "")
    if not line:
        proc.kill()
        code = proc.wait()
        err = proc.stderr.read().strip()
        raise EmulatorNotStarted(f"mkto serve did not start (exit {code}): {err or 'no output'}")
    return line
