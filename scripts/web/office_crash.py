#!/usr/bin/env python3
"""The office under `kill -9`: a scripted stream of applications (start,
save, upload, submit) from several applicants while the server is killed
at random moments and restarted, and `certify office backup` runs beside
it. Afterwards every action whose answer reached the client is in the
database, `office audit` passes, and every backup restores into a
database `office audit` accepts. Bounded in count and time; loopback only.
"""
import argparse
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from office_client import Client  # noqa: E402

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, certify, data, port, rubrics, log):
        self.command = [certify, "serve", "--host", "127.0.0.1", "--port", str(port), "--rubrics", rubrics,
                        "--data", data, "--public-url", "http://127.0.0.1:%d" % port]
        self.url = "http://127.0.0.1:%d" % port
        self.log = log
        self.process = None

    def start(self):
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=self.log)
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", int(self.url.rsplit(":", 1)[1])), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--certify", required=True)
    parser.add_argument("--rubrics", required=True)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--operations", type=int, default=240)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--seconds", type=int, default=240)
    args = parser.parse_args()
    random.seed(7)
    data = os.path.join(args.work, "office")
    port = free_port()
    url = "http://127.0.0.1:%d" % port
    init = subprocess.run([args.certify, "office", "init", "--data", data, "--admin", "sec@office.example",
                           "--public-url", url], capture_output=True, text=True, timeout=60)
    check(init.returncode == 0, "office init")
    link = re.search(r"http\S+/office/link/\S+", init.stdout).group(0)
    log = open(os.path.join(args.work, "serve.log"), "ab")
    server = Server(args.certify, data, port, args.rubrics, log)
    server.start()

    secretariat = Client(url)
    secretariat.set_password(link, "secretariat passphrase for the crash test")
    secretariat.enrol()
    status, head, _ = secretariat.post("/office/rounds", [
        ("name", "crash round"), ("rubric", "kr-smart-city 1.0"), ("opens", "2026-01-01"), ("closes", "2099-12-31"),
        ("review-deadline", "2100-01-31"), ("response-days", "10"), ("appeal-days", "14"), ("reviewer-count", "3")])
    check(status == 303, "round created")
    _, _, text = secretariat.get("/office/dashboard")
    round_id = None
    applicant = Client(url)
    applicants = []
    for n in range(4):
        added = subprocess.run([args.certify, "office", "user", "add", "--data", data, "--email", "a%d@org.example" % n,
                                "--name", "applicant %d" % n, "--kind", "applicant", "--organisation", "KR-T%d" % n,
                                "--public-url", url], capture_output=True, text=True, timeout=60)
        check(added.returncode == 0, "applicant %d added from the command line while the server runs" % n)
        client = Client(url)
        client.set_password(added.stdout.strip(), "applicant passphrase number %d" % n)
        applicants.append(client)
    _, _, text = applicants[0].get("/office/dashboard")
    round_id = re.search(r"/office/rounds/(\d+)/applications", text).group(1)

    sample = open(os.path.join(args.samples, "city", "solbit-missing-transport.xml"), encoding="utf-8").read()
    acknowledged = {"start": set(), "save": {}, "evidence": set(), "submit": {}}
    apps = {i: [] for i in range(len(applicants))}  # applicant -> [(id, revision, submitted)]
    stop = threading.Event()
    kills = [0]
    backups = []

    def killer():
        while not stop.is_set() and kills[0] < args.kills:
            time.sleep(random.uniform(0.3, 1.2))
            if stop.is_set():
                break
            server.kill()
            kills[0] += 1
            # A backup of the office while it is down, then one while it runs again.
            server.start()
            out = os.path.join(args.work, "backup-%d.sqlite" % kills[0])
            result = subprocess.run([args.certify, "office", "backup", "--data", data, "--out", out],
                                    capture_output=True, text=True, timeout=120)
            if result.returncode == 0:
                backups.append(out)

    thread = threading.Thread(target=killer)
    thread.start()
    deadline = time.time() + args.seconds
    operations = 0
    while operations < args.operations and time.time() < deadline:
        operations += 1
        who = random.randrange(len(applicants))
        client = applicants[who]
        try:
            open_apps = [a for a in apps[who] if not a[2]]
            if not open_apps or random.random() < 0.2:
                client.get("/office/dashboard")
                status, head, _ = client.post("/office/rounds/%s/applications" % round_id)
                if status == 303:
                    app_id = int(re.search(r"/office/applications/(\d+)", head["Location"]).group(1))
                    acknowledged["start"].add(app_id)
                    apps[who].append([app_id, 1, False])
                continue
            entry = random.choice(open_apps)
            app_id, revision, _ = entry
            client.get("/office/applications/%d" % app_id)
            step = random.random()
            if step < 0.5:
                status, _, _ = client.post("/office/applications/%d/draft" % app_id, [("revision", str(revision))],
                                           files=[("dossier-file", "dossier.xml", sample.encode("utf-8"))])
                if status == 303:
                    entry[1] = revision + 1
                    acknowledged["save"][app_id] = entry[1]
            elif step < 0.7:
                content = ("evidence %d %d" % (app_id, operations)).encode()
                status, _, _ = client.post("/office/applications/%d/evidence" % app_id, [],
                                           files=[("file", "e%d.pdf" % operations, content)])
                if status == 303:
                    import hashlib
                    acknowledged["evidence"].add((app_id, hashlib.sha256(content).hexdigest()))
            elif revision > 1:
                status, _, _ = client.post("/office/applications/%d/submit" % app_id, [("revision", str(revision))])
                if status == 303:
                    entry[2] = True
                    acknowledged["submit"][app_id] = 1
        except OSError:
            time.sleep(0.2)  # the server is down: this action was not acknowledged
    stop.set()
    thread.join()
    server.stop()
    print("%d operations, %d kills, %d backups; acknowledged: %d starts, %d saves, %d uploads, %d submissions" % (
        operations, kills[0], len(backups), len(acknowledged["start"]), len(acknowledged["save"]),
        len(acknowledged["evidence"]), len(acknowledged["submit"])))
    check(kills[0] >= 1, "the server was killed at least once")

    db = sqlite3.connect(os.path.join(data, "office.sqlite"))
    present = {row[0]: row[1:] for row in db.execute("SELECT id, draftRevision, submittedVersion, state FROM application")}
    check(all(a in present for a in acknowledged["start"]), "every acknowledged new application is there")
    check(all(present[a][0] >= r for a, r in acknowledged["save"].items()), "every acknowledged save is there")
    uploaded = set(db.execute("SELECT applicationID, sha256 FROM evidenceFile"))
    check(acknowledged["evidence"] <= uploaded, "every acknowledged upload is there")
    check(all(present[a][1] >= 1 and present[a][2] == "submitted" for a in acknowledged["submit"]),
          "every acknowledged submission is there, frozen")
    db.close()
    audit = subprocess.run([args.certify, "office", "audit", "--data", data], capture_output=True, text=True, timeout=120)
    check(audit.returncode == 0, "office audit passes after the kills: " + (audit.stdout + audit.stderr).strip())
    for n, backup in enumerate(backups):
        target = os.path.join(args.work, "restored-%d" % n)
        restored = subprocess.run([args.certify, "office", "restore", "--data", target, "--from", backup],
                                  capture_output=True, text=True, timeout=120)
        check(restored.returncode == 0, "backup %d restores into a database office audit accepts" % n)
    if failures:
        print("%d failed" % len(failures))
        sys.exit(1)
    print("office crash test passed")


if __name__ == "__main__":
    main()
