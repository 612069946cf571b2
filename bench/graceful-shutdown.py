#!/usr/bin/env python3
"""SIGTERM during load: are answers and streams in flight cut?

Starts the stand-in model (writing one word every --delay-ms, so answers take seconds) and `cited serve` on
it, runs --clients concurrent /api/ask loops and --streams concurrent /api/ask/stream loops, sends
`kill -TERM` to the server after --warmup seconds, and reports for every request in flight at that moment
whether it got its whole answer (ask: 200 with the answer JSON; stream: ended with `done` or `error`) or was
cut (empty reply, reset, a stream ending without `done`/`error`). Every request uses a new connection.

    mvn -q package -DskipTests && python3 bench/graceful-shutdown.py            # grace 20 s (default)
    python3 bench/graceful-shutdown.py --grace 0                                # what stopping at once does
"""
import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port, path, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", path)
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"nothing ready on port {port}{path} within {timeout} s")


class Outcomes:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (kind, started, ended, outcome)

    def add(self, kind, started, ended, outcome):
        with self.lock:
            self.rows.append((kind, started, ended, outcome))


def ask(port, question, stream):
    """'ok', 'error-event: CODE' (a stream told why it ends), 'refused' (no connection: not in flight),
    'rejected-503', 'status-N', or 'cut: ...'."""
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        c.connect()
    except OSError:
        return "refused"
    body = json.dumps({"question": question})
    try:
        c.request("POST", "/api/ask/stream" if stream else "/api/ask", body,
                  {"Content-Type": "application/json", "Connection": "close"})
        r = c.getresponse()
        if r.status == 503:
            r.read()
            return "rejected-503"
        if not stream:
            data = r.read()
            if r.status != 200:
                return f"status-{r.status}"
            return "ok" if "answer" in json.loads(data) else "cut: no answer"
        last, data = None, None
        for raw in r:
            line = raw.decode("utf-8").rstrip("\r\n")
            if line.startswith("event: "):
                last = line[7:]
            elif line.startswith("data: "):
                data = line[6:]
        if last == "done":
            return "ok"
        if last == "error":  # told, not cut: e.g. "stopping" when the grace ran out
            return "error-event: " + json.loads(data)["error"]["code"]
        return f"cut: stream ended after '{last}'"
    except (OSError, http.client.HTTPException, ValueError) as e:
        return f"cut: {type(e).__name__}"
    finally:
        c.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jar", default="target/cited.jar")
    p.add_argument("--claims", default="eval/claims.jsonl")
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--streams", type=int, default=4)
    p.add_argument("--delay-ms", type=int, default=60, help="the stand-in model's pause per word")
    p.add_argument("--warmup", type=float, default=20)
    p.add_argument("--grace", type=int, default=20)
    a = p.parse_args()

    questions = [json.loads(l)["question"] for l in open(a.claims, encoding="utf-8") if l.strip()]
    model_port, port = free_port(), free_port()
    model = subprocess.Popen(["java", f"-Dcited.standIn.delayMs={a.delay_ms}", "-jar", a.jar, "stand-in",
                              "--port", str(model_port), a.claims], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = dict(os.environ, OPENAI_BASE_URL=f"http://127.0.0.1:{model_port}/v1", OPENAI_API_KEY="stand-in",
               CITED_SHUTDOWN_GRACE=str(a.grace), CITED_ACCESS_LOG="off")
    log = open("target/graceful-shutdown-server.log", "w")
    server = subprocess.Popen(["java", "-jar", a.jar, "serve", "--port", str(port), "--model", "openai:stand-in"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_ready(port, "/health/ready", 300)
        outcomes = Outcomes()
        stop = threading.Event()

        def loop(n, stream):
            i = n
            while not stop.is_set():
                started = time.time()
                outcome = ask(port, questions[i % len(questions)], stream)
                outcomes.add("stream" if stream else "ask", started, time.time(), outcome)
                if outcome == "refused":
                    return
                i += a.clients + a.streams

        threads = [threading.Thread(target=loop, args=(n, n >= a.clients), daemon=True)
                   for n in range(a.clients + a.streams)]
        for t in threads:
            t.start()
        time.sleep(a.warmup)
        term = time.time()
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=a.grace + 60)
        exited = time.time() - term
        stop.set()
        for t in threads:
            t.join(timeout=150)

        rows = outcomes.rows
        in_flight = [r for r in rows if r[1] < term < r[2] and r[3] != "refused"]
        cut = [r for r in in_flight if r[3].startswith("cut")]
        before = [r for r in rows if r[2] <= term]
        longest = max((r[2] - term for r in in_flight), default=0)
        print(f"grace {a.grace} s, {a.clients} ask clients + {a.streams} stream clients, model {a.delay_ms} ms/word")
        print(f"answered before SIGTERM: {len(before)} ({sum(r[3] == 'ok' for r in before)} ok)")
        for kind in ("ask", "stream"):
            k = [r for r in in_flight if r[0] == kind]
            outcomes_by = {}
            for r in k:
                outcomes_by[r[3]] = outcomes_by.get(r[3], 0) + 1
            print(f"in flight at SIGTERM, {kind}: {len(k)} -> {outcomes_by}")
        print(f"cut: {len(cut)}")
        print(f"last in-flight answer finished {longest:.1f} s after SIGTERM; server exited after {exited:.1f} s (code {code})")
        after = [r for r in rows if r[1] > term]
        others = {}
        for r in after:
            if r[3] not in ("refused", "rejected-503"):
                others[r[3]] = others.get(r[3], 0) + 1
        print(f"sent after SIGTERM: {sum(r[3] == 'refused' for r in after)} refused at connect, "
              f"{sum(r[3] == 'rejected-503' for r in after)} answered 503, others {others} "
              "(taken in the moment before the JVM ran its shutdown hook)")
        return 1 if cut else 0
    finally:
        for proc in (server, model):
            if proc.poll() is None:
                proc.kill()
        log.close()


if __name__ == "__main__":
    sys.exit(main())
