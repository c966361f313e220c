"""The emulator's admin API (`/_emulator/...`) from Python, with the admin token on every call."""

import json
import urllib.error
import urllib.parse
import urllib.request


class AdminError(RuntimeError):
    """The admin API refused a call: `status` and the `error` message it gave."""

    def __init__(self, method, path, status, message):
        super().__init__(f"{method} {path}: HTTP {status}: {message}")
        self.status = status
        self.message = message


class AdminClient:
    """Calls to the admin API at `admin_url` (`http://127.0.0.1:PORT/_emulator`)."""

    def __init__(self, admin_url, admin_token=None, timeout=30):
        self.admin_url = admin_url.rstrip("/")
        self._token = admin_token
        self.timeout = timeout

    def __repr__(self):
        # Never the token.
        return f"AdminClient({self.admin_url!r}, admin_token={'set' if self._token else None})"

    def _request(self, method, path, query=None, body=None, headers=None):
        url = self.admin_url + path
        if query:
            pairs = {k: _text(v) for k, v in query.items() if v is not None}
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(url, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if self._token:
            req.add_header("Authorization", f"Bearer {self._token}")
        for name, value in (headers or {}).items():
            req.add_header(name, value)
        return req

    def call(self, method, path, query=None, body=None):
        """One admin call: its JSON answer, or AdminError with the status and message."""
        req = self._request(method, path, query, body)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8", "replace")
            try:
                message = json.loads(text).get("error", text)
            except ValueError:
                message = text
            raise AdminError(method, path, e.code, message) from None

    # Control.
    def health(self):
        return self.call("GET", "/health")

    def reset(self, to=None):
        """Back to the baseline, or `to="empty"` (no data, no fault rules)."""
        return self.call("POST", "/reset", {"to": to})

    def seed(self, doc):
        return self.call("POST", "/seed", body=doc)

    def now(self):
        """The emulator's clock (an RFC 3339 string)."""
        return self.call("GET", "/clock")["now"]

    def advance_clock(self, seconds):
        """Move the clock forward: tokens expire, windows slide, the quota day turns, bulk jobs move."""
        return self.call("POST", "/clock/advance", body={"seconds": seconds})["now"]

    def usage(self):
        return self.call("GET", "/usage")

    # Fault rules.
    def add_fault(self, rule):
        """Add one rule (a dict in the admin API's shape); returns its id."""
        return self.call("POST", "/faults", body=rule)["added"][0]

    def add_faults(self, rules):
        return self.call("POST", "/faults", body=list(rules))["added"]

    def faults(self):
        """Every rule with `fired`, `remaining` and `active`."""
        return self.call("GET", "/faults")

    def fault(self, rule_id):
        return self.call("GET", f"/faults/{rule_id}")

    def remove_fault(self, rule_id):
        return self.call("DELETE", f"/faults/{rule_id}")["removed"]

    def clear_faults(self):
        return self.call("DELETE", "/faults")

    # The request log.
    def calls(self, path=None, code=None, method=None, since=None, after=None, limit=None, bodies=None):
        """The request log, oldest first. `code` may be a list; `bodies=False` leaves the bodies out."""
        if isinstance(code, (list, tuple)):
            code = ",".join(str(c) for c in code)
        query = {"path": path, "code": code, "method": method, "since": since, "after": after, "limit": limit,
                 "bodies": bodies}
        return self.call("GET", "/calls", query)

    def last_call(self, **filters):
        """The latest call matching the filters, or None."""
        found = self.calls(limit=1, **filters)
        return found[0] if found else None

    def get_call(self, call_id):
        return self.call("GET", f"/calls/{call_id}")

    def clear_calls(self):
        return self.call("DELETE", "/calls")

    def tail(self, timeout=10, **filters):
        """Follow the request log (server-sent events). Subscribes at once, then yields each matching call as it
        is logged. With `after=ID` (0 for every kept call) or `since=TIME`, kept calls come first. Raises
        `TimeoutError` when nothing arrives for `timeout` seconds; `close()` the generator to stop earlier."""
        code = filters.get("code")
        if isinstance(code, (list, tuple)):
            filters["code"] = ",".join(str(c) for c in code)
        req = self._request("GET", "/calls/stream", filters, headers={"Accept": "text/event-stream"})
        try:
            resp = urllib.request.urlopen(req, timeout=timeout)
        except urllib.error.HTTPError as e:
            raise AdminError("GET", "/calls/stream", e.code, e.read().decode("utf-8", "replace")) from None
        return _events(resp, timeout)

    def wait_for_call(self, timeout=10, **filters):
        """The first call (kept or new) matching the filters: waits on the log's tail, never sleeps."""
        filters.setdefault("after", 0)
        stream = self.tail(timeout=timeout, **filters)
        try:
            return next(stream)
        finally:
            stream.close()

    # The data the emulator holds (read-only, never counted).
    def data(self, what="", **query):
        """`data()` counts everything; `data("leads", email="ann")`, `data("lists")`, `data("memberships",
        list_id=1001)`, `data("activities", lead_id=1)`, `data("bulk")`, `data("objects")`,
        `data("objects/company")`, `data("leads/1")`."""
        path = "/data" + ("/" + what.strip("/") if what else "")
        return self.call("GET", path, query)

    # Scenarios.
    def load_scenario(self, scenario):
        """Load a scenario (a dict): it becomes part of the baseline resets return to."""
        return self.call("POST", "/scenario", body=scenario)

    def scenario(self):
        return self.call("GET", "/scenario")["scenario"]

    def forget_scenario(self):
        return self.call("DELETE", "/scenario")


def _events(resp, timeout):
    """The `call` events of an open event stream, as dicts."""
    with resp:
        event, data = None, []
        while True:
            try:
                raw = resp.readline()
            except OSError as e:  # socket.timeout is an OSError
                raise TimeoutError(f"no call for {timeout} s") from e
            if not raw:
                return
            line = raw.decode("utf-8").rstrip("\r\n")
            if line == "":
                if event == "call" and data:
                    yield json.loads("\n".join(data))
                event, data = None, []
            elif line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip(" "))


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
