#!/usr/bin/env python3
"""Decisions under `kill -9`: `certify office demo` runs a whole round
(submissions, reviews, decisions signed in the chair's transaction,
registry adds through the queue) and is killed at a random moment, several
times. After each kill `office audit` passes and every decision is whole
or absent: a decided application has its signed decision; a signed
decision has its report's bytes, its application decided (or reopened
after an appeal), and, when certified, its registry task; an unsigned one
left nothing half-done. Bounded in count and time; no network.
"""
import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time

failures = []


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        failures.append(message)


def consistent(database):
    """Problems with the decisions in an office database, as sentences."""
    problems = []
    db = sqlite3.connect(database)
    decided = db.execute("SELECT id, reference FROM application WHERE state = 'decided'").fetchall()
    for app_id, reference in decided:
        signed = db.execute("SELECT COUNT(*) FROM decision WHERE applicationID = ? AND reportSHA256 IS NOT NULL", (app_id,)).fetchone()[0]
        if signed == 0:
            problems.append("%s is decided without a signed decision" % reference)
    for decision_id, app_id, report, certified in db.execute(
            "SELECT id, applicationID, reportSHA256, certified FROM decision WHERE reportSHA256 IS NOT NULL"):
        if db.execute("SELECT COUNT(*) FROM blob WHERE sha256 = ?", (report,)).fetchone()[0] != 1:
            problems.append("decision %d has no report bytes" % decision_id)
        state = db.execute("SELECT state FROM application WHERE id = ?", (app_id,)).fetchone()[0]
        if state not in ("decided", "appealed", "in-review"):
            problems.append("decision %d is signed but its application is %s" % (decision_id, state))
        if certified and db.execute("SELECT COUNT(*) FROM registryTask WHERE decisionID = ? AND action = 'issue'",
                                    (decision_id,)).fetchone()[0] != 1:
            problems.append("certified decision %d has no registry task" % decision_id)
    db.close()
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--certify", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    random.seed(args.seed)
    print("seed %d" % args.seed)
    key = os.path.join(args.work, "body")
    subprocess.run([args.certify, "keygen", "--out", key], check=True, capture_output=True, timeout=60)
    # How long a whole demo takes here, to kill within it.
    full = os.path.join(args.work, "full")
    os.makedirs(full)
    started = time.time()
    run = subprocess.run([args.certify, "office", "demo", "--data", os.path.join(full, "office"), "--signing-key", key + ".pem",
                          "--registry", os.path.join(full, "registry.sqlite")], capture_output=True, text=True, timeout=600)
    length = time.time() - started
    check(run.returncode == 0, "a whole demo runs (%.1f s)" % length)
    check(not consistent(os.path.join(full, "office", "office.sqlite")), "the whole demo's decisions are consistent")
    killed_with_decisions = 0
    for attempt in range(args.kills):
        directory = os.path.join(args.work, "kill-%d" % attempt)
        os.makedirs(directory)
        process = subprocess.Popen([args.certify, "office", "demo", "--data", os.path.join(directory, "office"),
                                    "--signing-key", key + ".pem", "--registry", os.path.join(directory, "registry.sqlite")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Kill while the decisions are being made: after the first one is
        # recorded, at a random moment within the next second (or at the latest
        # where a whole demo would end).
        database = os.path.join(directory, "office", "office.sqlite")
        deadline = time.time() + length * 1.5
        while time.time() < deadline and process.poll() is None:
            try:
                db = sqlite3.connect("file:%s?mode=ro" % database, uri=True, timeout=0.1)
                count = db.execute("SELECT COUNT(*) FROM decision").fetchone()[0]
                db.close()
                if count > 0:
                    break
            except sqlite3.Error:
                pass
            time.sleep(0.02)
        time.sleep(random.uniform(0, 1.0))
        process.kill()
        process.wait()
        if not os.path.exists(database):
            continue
        audit = subprocess.run([args.certify, "office", "audit", "--data", os.path.join(directory, "office")],
                               capture_output=True, text=True, timeout=120)
        check(audit.returncode == 0, "kill %d: office audit passes (%s)" % (attempt + 1, (audit.stdout + audit.stderr).strip()[-200:]))
        problems = consistent(database)
        check(not problems, "kill %d: every decision is whole or absent %s" % (attempt + 1, problems[:3]))
        db = sqlite3.connect(database)
        if db.execute("SELECT COUNT(*) FROM decision").fetchone()[0] > 0:
            killed_with_decisions += 1
        db.close()
        # What the kill left queued is carried out by the next run with the registry (here `office sign`).
        sign = subprocess.run([args.certify, "office", "sign", "--data", os.path.join(directory, "office"), "--key", key + ".pem",
                               "--registry", os.path.join(directory, "registry.sqlite")], capture_output=True, text=True, timeout=120)
        db = sqlite3.connect(database)
        waiting = db.execute("SELECT COUNT(*) FROM registryTask WHERE doneAt IS NULL").fetchone()[0]
        unsigned = db.execute("SELECT COUNT(*) FROM decision WHERE reportSHA256 IS NULL").fetchone()[0]
        db.close()
        check(sign.returncode == 0 and waiting == 0 and unsigned == 0,
              "kill %d: office sign then leaves nothing waiting (exit %d, %d queued, %d unsigned)"
              % (attempt + 1, sign.returncode, waiting, unsigned))
        shutil.rmtree(directory)
    check(killed_with_decisions > 0, "%d of %d kills came after some decisions" % (killed_with_decisions, args.kills))
    if failures:
        print("%d failed" % len(failures))
        sys.exit(1)
    print("decision crash test passed")


if __name__ == "__main__":
    main()
