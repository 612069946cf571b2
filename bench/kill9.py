#!/usr/bin/env python3
"""Durability under kill -9 (issue #9 goal): writes turns and feedback to a running `cited serve`, SIGKILLs it
every N acknowledged writes, restarts it on the same data folder, and at the end checks that every acknowledged
turn and rating is there.  Usage: bench/kill9.py [--writes 1000] [--kills 10] [--jar target/cited.jar]"""
import argparse, json, os, re, shutil, signal, subprocess, sys, tempfile, time, urllib.request

p = argparse.ArgumentParser()
p.add_argument("--writes", type=int, default=1000)
p.add_argument("--kills", type=int, default=10)
p.add_argument("--jar", default="target/cited.jar")
p.add_argument("--database-url", default=None, help="CITED_DATABASE_URL (default: SQLite in the data folder)")
args = p.parse_args()

work = tempfile.mkdtemp(prefix="cited-kill9-")
docs = os.path.join(work, "docs")
shutil.copytree("seeds", docs)
env = dict(os.environ, CITED_RATE_ASK="0", CITED_RATE_OTHER="0")  # one client writing as fast as it can
if args.database_url:
    env["CITED_DATABASE_URL"] = args.database_url

def start():
    proc = subprocess.Popen(["java", "-jar", args.jar, "serve", "--port", "0", "--seeds", docs, "--data",
                             os.path.join(work, "data"), "--retrieval", "bm25", "--no-watch"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    for line in proc.stdout:
        m = re.search(r"Cited is ready on http://localhost:(\d+)", line)
        if m:
            return proc, int(m.group(1))
    raise SystemExit("server ended before it was ready")

def call(port, path, body=None):
    req = urllib.request.Request(f"http://localhost:{port}{path}", data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="GET" if body is None else "POST")
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.loads(r.read())

questions = ["Who is Jens Stoltenberg?", "What did he say about North Korea?", "Who is Kyrylo Budanov?",
             "How many artillery shells has North Korea sent to Russia?"]
acked_turns = {}      # conversation -> highest turn acknowledged
acked_feedback = set()
every = max(1, args.writes // (args.kills + 1))
proc, port = start()
kills, writes, conversation, started = 0, 0, None, time.time()
while writes < args.writes:
    try:
        body = {"question": questions[writes % len(questions)]}
        if conversation and writes % 8:
            body["conversationId"] = conversation
        _, answer = call(port, "/api/ask", body)
        conversation = answer["conversationId"]
        acked_turns[conversation] = max(acked_turns.get(conversation, 0), answer["turn"])
        writes += 1
        status, _ = call(port, "/api/feedback", {"conversationId": conversation, "turn": answer["turn"],
                                                 "rating": "up" if writes % 2 else "down", "comment": f"w{writes}"})
        if status == 201:
            acked_feedback.add((conversation, answer["turn"], f"w{writes}"))
        writes += 1
    except Exception as e:  # a write not acknowledged is not counted
        print("write failed:", e, file=sys.stderr)
    if kills < args.kills and writes >= every * (kills + 1):
        proc.send_signal(signal.SIGKILL); proc.wait()
        kills += 1
        proc, port = start()

lost_turns = 0
for conv, turn in acked_turns.items():
    _, follow = call(port, "/api/ask", {"question": "And then?", "conversationId": conv})
    if follow["turn"] <= turn:
        lost_turns += 1
_, listed = call(port, "/api/feedback")
present = {(f["conversationId"], f["turn"], f["comment"]) for f in listed}
lost_feedback = len(acked_feedback - present)
proc.send_signal(signal.SIGTERM); proc.wait()
print(json.dumps({"writes_acknowledged": writes, "kills": kills, "conversations": len(acked_turns),
                  "turns_acknowledged": sum(acked_turns.values()), "feedback_acknowledged": len(acked_feedback),
                  "conversations_missing_turns": lost_turns, "feedback_lost": lost_feedback,
                  "seconds": round(time.time() - started, 1)}))
shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if lost_turns or lost_feedback else 0)
