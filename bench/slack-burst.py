#!/usr/bin/env python3
"""A burst of Slack mentions (issue #9 goal): N signed app_mention events sent at once to `cited serve`, against a
local stand-in for Slack's Web API. Slack's own retry rule is followed: an event not answered 2xx is sent again
with X-Slack-Retry-Num 1..3 (Slack waits about 1 s, 1 min and 5 min; here --retry-after seconds each). At the
end every mention must have been answered in its thread, or told there that the bot is busy: none dropped.
Usage: bench/slack-burst.py [--mentions 200] [--jar target/cited.jar]"""
import argparse, hashlib, hmac, json, os, re, shutil, subprocess, tempfile, threading, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

p = argparse.ArgumentParser()
p.add_argument("--mentions", type=int, default=200)
p.add_argument("--jar", default="target/cited.jar")
p.add_argument("--retry-after", type=float, default=2.0)
p.add_argument("--connections", default="0", help="CITED_MAX_CONNECTIONS_PER_ADDRESS (Slack sends from several addresses; 0: no cap)")
p.add_argument("--post-delay", type=float, default=0.05, help="seconds the stand-in takes per Web API call")
args = p.parse_args()
SECRET = "burst-secret"
posts, lock = {}, threading.Lock()

class Slack(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        time.sleep(args.post_delay)
        if self.path.endswith("chat.postMessage"):
            form = {k: v[0] for k, v in parse_qs(body).items()}
            with lock:
                posts.setdefault(form.get("thread_ts"), []).append(form.get("text", ""))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"ok":true,"ts":"1700000000.000200","user_id":"UBOT"}')
    def log_message(self, *a):
        pass

stand_in = ThreadingHTTPServer(("127.0.0.1", 0), Slack)
threading.Thread(target=stand_in.serve_forever, daemon=True).start()
work = tempfile.mkdtemp(prefix="cited-burst-")
shutil.copytree("seeds", os.path.join(work, "docs"))
env = dict(os.environ, SLACK_SIGNING_SECRET=SECRET, SLACK_BOT_TOKEN="xoxb-burst",
           SLACK_API_URL=f"http://127.0.0.1:{stand_in.server_port}/api/", CITED_RATE_ASK="0", CITED_RATE_OTHER="0",
           CITED_MAX_CONNECTIONS_PER_ADDRESS=args.connections)
server = subprocess.Popen(["java", "-jar", args.jar, "serve", "--port", "0", "--seeds", os.path.join(work, "docs"),
                           "--data", os.path.join(work, "data"), "--retrieval", "bm25", "--no-watch"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
for line in server.stdout:
    m = re.search(r"Cited is ready on http://localhost:(\d+)", line)
    if m:
        port = int(m.group(1))
        break
threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()

def send(body, retry):
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig}
    if retry:
        headers.update({"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_error"})
    req = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=body.encode(), headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=3) as r:  # Slack gives up on a reply after 3 s
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception:
        return 0

def mention(i):
    thread = f"1700000{i:03d}.000100"
    body = json.dumps({"type": "event_callback", "event_id": f"EvBurst{i}", "team_id": "T1",
                       "authorizations": [{"user_id": "UBOT", "is_bot": True}],
                       "event": {"type": "app_mention", "user": "U1", "channel": "CBURST", "ts": thread,
                                 "text": "<@UBOT> Who is Jens Stoltenberg?"}})
    for retry in range(4):
        if send(body, retry) == 200:
            return thread, retry
        time.sleep(args.retry_after)
    return thread, None

started = time.time()
with ThreadPoolExecutor(args.mentions) as pool:
    sent = list(pool.map(mention, range(args.mentions)))
deadline = time.time() + 180
while time.time() < deadline:
    with lock:
        if all(t in posts for t, _ in sent):
            break
    time.sleep(0.5)
with lock:
    answered = sum(1 for t, _ in sent if any("Sources" in x or "[1]" in x for x in posts.get(t, [])))
    busy = sum(1 for t, _ in sent if t in posts and not any("Sources" in x or "[1]" in x for x in posts[t]))
    dropped = sum(1 for t, _ in sent if t not in posts)
    twice = sum(1 for t, _ in sent if len(posts.get(t, [])) > 1)
retried = sum(1 for _, r in sent if r)
server.terminate(); server.wait()
stand_in.shutdown()
print(json.dumps({"mentions": args.mentions, "answered": answered, "told_busy": busy, "dropped": dropped,
                  "answered_twice": twice, "accepted_after_a_retry": retried,
                  "refused_all_four_times": sum(1 for _, r in sent if r is None),
                  "seconds": round(time.time() - started, 1)}))
shutil.rmtree(work, ignore_errors=True)
