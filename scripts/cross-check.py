#!/usr/bin/env python3
"""Both engines on every registered model and every SPDL file of Scyther's library, at the same bound:
prints, per model, the properties where the goal-directed and the explicit-state searches give the
same verdict, and the total. A property either engine leaves inconclusive (its time or state limit)
is counted apart, not as agreement.

Environment: BIN (default .build/release/protocheck), CORPUS (default ../shared/corpus/scyther), RUNS
(default 2), TIMEOUT (seconds per search, default 120).
"""
import json
import os
import subprocess
import sys

BIN = os.environ.get("BIN", ".build/release/protocheck")
CORPUS = os.environ.get("CORPUS", "../shared/corpus/scyther")
RUNS = os.environ.get("RUNS", "2")
TIMEOUT = float(os.environ.get("TIMEOUT", "120"))
REGISTERED = ["nspk", "nsl", "otway-rees", "dh-unauthenticated", "iso9798-2-2-noid", "iso9798-2-2", "attested-k",
              "attested-k-nonces", "gemplus-first", "gemplus-rsa", "gemplus-elgamal", "soda-machine", "modified-ns",
              "ns-symmetric", "master-key-registration"]


def verdicts(target, engine):
    try:
        p = subprocess.run([BIN, "check", target, "--max-runs", RUNS, "--engine", engine, "--format", "json",
                            "--timeout", str(TIMEOUT)], capture_output=True, text=True, timeout=TIMEOUT + 30)
        return {(r["model"], r["property"]): r["verdict"] for r in json.loads(p.stdout)["results"]}
    except (subprocess.TimeoutExpired, ValueError, KeyError):
        return None


folder = os.path.join(CORPUS, "protocols")
targets = REGISTERED + sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".spdl"))
agree = differ = undecided = 0
for target in targets:
    goal, explicit = verdicts(target, "goal"), verdicts(target, "explicit")
    name = os.path.basename(target)
    if goal is None or explicit is None:
        print(f"{name:32} not read or not finished")
        continue
    a = d = u = 0
    diffs = []
    for key, e in sorted(explicit.items()):
        g = goal.get(key)
        if g == "inconclusive" or e == "inconclusive":
            u += 1
        elif g == e:
            a += 1
        else:
            d += 1
            diffs.append(f"{key[0]} {key[1]}: goal {g}, explicit {e}")
    agree, differ, undecided = agree + a, differ + d, undecided + u
    print(f"{name:32} {a} agree, {d} differ, {u} inconclusive" + ("".join("\n    " + x for x in diffs)), flush=True)
print(f"\nat {RUNS} runs: {agree} of {agree + differ + undecided} properties agree, {differ} differ, {undecided} inconclusive in one engine or both")
sys.exit(1 if differ else 0)
