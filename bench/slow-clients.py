#!/usr/bin/env python3
"""Slow clients (issue #9 goal): keeps N connections that each send a request body one byte every few seconds
(reconnecting whenever the server closes one, so the pressure never lets up), and meanwhile measures how long other
clients wait for /health and /api/ask (p50/p99).  The slow clients come from --addresses loopback addresses
(127.0.0.2, 127.0.0.3, ...) so that a per-address connection cap alone cannot make them harmless; the measuring
client is 127.0.0.1.  Starts `java -jar JAR serve` itself on a copy of seeds/, with the rate limits raised so that
the measuring client is not the one refused.
Usage: bench/slow-clients.py [--jar target/cited.jar] [--slow 300] [--addresses 10] [--interval 3] [--requests 200]"""
import argparse, http.client, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

p = argparse.ArgumentParser()
p.add_argument("--jar", default="target/cited.jar")
p.add_argument("--slow", type=int, default=300, help="slow connections kept open at once")
p.add_argument("--addresses", type=int, default=10, help="loopback addresses the slow clients are spread over")
p.add_argument("--interval", type=float, default=3.0, help="seconds between two bytes of a slow body")
p.add_argument("--requests", type=int, default=200, help="measured requests (half /health, half /api/ask)")
p.add_argument("--warmup", type=float, default=15.0, help="seconds the slow clients run before measuring")
p.add_argument("--timeout", type=float, default=10.0, help="a measured request slower than this counts as failed")
p.add_argument("--budget", type=float, default=180.0, help="most seconds spent measuring; requests left are reported")
args = p.parse_args()

work = tempfile.mkdtemp(prefix="cited-slow-")
docs = os.path.join(work, "docs")
shutil.copytree("seeds", docs)
env = dict(os.environ, CITED_RATE_ASK="100000", CITED_RATE_OTHER="100000")
proc = subprocess.Popen(["java", "-jar", args.jar, "serve", "--port", "0", "--seeds", docs, "--data",
                         os.path.join(work, "data"), "--no-watch"],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
port = None
for line in proc.stdout:
    m = re.search(r"Cited is ready on http://localhost:(\d+)", line)
    if m:
        port = int(m.group(1))
        break
if port is None:
    raise SystemExit("server ended before it was ready")
threading.Thread(target=lambda: [None for _ in proc.stdout], daemon=True).start()  # keep its output drained

stop = threading.Event()
counts = {"connections": 0, "closed_by_server": 0, "refused": 0}
answers = {}  # status line -> how many slow clients got it
lock = threading.Lock()

def slow_client(index):
    source = f"127.0.0.{2 + index % args.addresses}"
    body_length = 1000
    while not stop.is_set():
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=30, source_address=(source, 0))
        except OSError:
            with lock:
                counts["refused"] += 1
            time.sleep(1)
            continue
        with lock:
            counts["connections"] += 1
        try:
            s.sendall((f"POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                       f"Content-Length: {body_length}\r\n\r\n").encode())
            s.settimeout(args.interval)
            for _ in range(body_length):
                if stop.is_set():
                    break
                s.sendall(b" ")
                try:
                    reply = s.recv(4096)  # waits one interval for the server to answer or close
                except socket.timeout:
                    continue
                if stop.is_set():
                    break  # the server stopping at the end of the run, not an answer to count
                with lock:
                    counts["closed_by_server"] += 1
                    if reply:
                        status = reply.split(b"\r\n", 1)[0].decode(errors="replace")
                        answers[status] = answers.get(status, 0) + 1
                break
        except OSError:
            with lock:
                counts["closed_by_server"] += 1
        finally:
            s.close()

def timed(method, path, body=None):
    started = time.time()
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=args.timeout)
        c.request(method, path, body=None if body is None else json.dumps(body),
                  headers={"Content-Type": "application/json"} if body is not None else {})
        r = c.getresponse()
        r.read()
        c.close()
        return time.time() - started, r.status
    except OSError as e:
        return time.time() - started, type(e).__name__

def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]

def measure():
    results = {"/health": [], "/api/ask": []}
    failures = {"/health": 0, "/api/ask": 0}
    questions = ["Who is Jens Stoltenberg?", "How many artillery shells has North Korea sent to Russia?"]
    deadline = time.time() + args.budget
    for i in range(args.requests):
        if time.time() > deadline:
            break
        path = "/health" if i % 2 == 0 else "/api/ask"
        seconds, status = timed("GET", path) if path == "/health" else \
            timed("POST", path, {"question": questions[i // 2 % len(questions)]})
        if status != 200:
            failures[path] += 1
            seconds = max(seconds, args.timeout)  # a failure counts as the longest wait
        results[path].append(seconds)
    return {path: {"p50_ms": round(1000 * statistics.median(v)), "p99_ms": round(1000 * percentile(v, 0.99)),
                   "max_ms": round(1000 * max(v)), "failed": failures[path], "requests": len(v),
                   "not_sent": args.requests // 2 - len(v)}
            for path, v in results.items()}

baseline = measure() if args.requests else None
threads = [threading.Thread(target=slow_client, args=(i,), daemon=True) for i in range(args.slow)]
for t in threads:
    t.start()
time.sleep(args.warmup)
under_load = measure()
stop.set()
proc.terminate()
try:
    proc.wait(timeout=30)
except subprocess.TimeoutExpired:
    proc.kill()
shutil.rmtree(work, ignore_errors=True)
print(json.dumps({"slow_clients": args.slow, "addresses": args.addresses, "interval_s": args.interval,
                  "idle": baseline, "under_slow_clients": under_load, "slow_connections_opened": counts["connections"],
                  "slow_closed_by_server": counts["closed_by_server"], "slow_refused": counts["refused"],
                  "slow_got": answers}, indent=1))
worst = max(r["p99_ms"] for r in under_load.values())
sys.exit(0 if worst <= 1000 and not any(r["failed"] for r in under_load.values()) else 1)
