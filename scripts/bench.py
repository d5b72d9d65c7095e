#!/usr/bin/env python3
"""Benchmarks for `make bench`: figures, never assertions (the machines are shared and noisy).

Parts (BENCH=all, or one of seeds, corpus, engines, heuristics, replay):
  seeds    the nine models of the source documents together at the committed bound (5 runs)
  corpus   every SPDL file of Scyther's library at 3, 4 and 5 runs: protocheck's time, patterns,
           peak memory and verdicts; with SCYTHER_BIN naming a Scyther built from its public source,
           Scyther's time and verdicts at the same bound, the ratio, and the geometric mean of the
           ratios over the cases where Scyther needs 0.1 s or more
  engines  the goal-directed and the explicit-state engines side by side on the registered models
  heuristics  the goal-directed engine's goal selection strategies on the same cases (one core)
  replay   milliseconds per replay of two document attacks

Environment: BIN (default .build/release/protocheck), CORPUS (default ../shared/corpus/scyther),
BOUNDS (default "3 4 5"), FILES (corpus files, default all), TIMEOUT (seconds per case, default 120),
SCYTHER_BIN.
"""
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("BIN", ".build/release/protocheck")
CORPUS = os.environ.get("CORPUS", "../shared/corpus/scyther")
TIMEOUT = float(os.environ.get("TIMEOUT", "120"))
SCYTHER = os.environ.get("SCYTHER_BIN")
SEEDS = ["attested-k", "attested-k-nonces", "gemplus-first", "gemplus-rsa", "gemplus-elgamal",
         "soda-machine", "modified-ns", "ns-symmetric", "master-key-registration"]
REGISTERED = ["nspk", "nsl", "otway-rees", "dh-unauthenticated", "iso9798-2-2-noid", "iso9798-2-2"] + SEEDS


def timed(cmd):
    """Runs a command under /usr/bin/time: (seconds, peak MiB, stdout, exit status); None on timeout."""
    with tempfile.NamedTemporaryFile(mode="r") as t:
        try:
            p = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name] + cmd, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None
        line = open(t.name).read().strip().splitlines()[-1]
        secs, kb = line.split()
        return float(secs), int(kb) // 1024, p.stdout, p.returncode


def ours(target, runs, engine="goal", extra=()):
    """(seconds, MiB, patterns, verdict counts); None on timeout; "error" for a model protocheck refuses."""
    out = timed([BIN, "check"] + target + ["--max-runs", str(runs), "--engine", engine, "--format", "json"] + list(extra))
    if out is None:
        return None
    secs, mib, stdout, status = out
    if status == 2:
        return "error"
    try:
        results = json.loads(stdout)["results"]
    except (ValueError, KeyError):
        return "error"
    counts = {"attack": 0, "proved": 0, "bounded": 0, "inconclusive": 0}
    for r in results:
        if r["verdict"] == "verified":
            counts["proved" if r.get("scope") == "unbounded" else "bounded"] += 1
        else:
            counts[r["verdict"]] += 1
    return secs, mib, sum(r["states"] for r in results), counts


def scyther(path, runs):
    out = timed([SCYTHER, "--plain", f"--max-runs={runs}", path])
    if out is None:
        return None
    secs, mib, stdout, status = out
    if status == 1:
        return "error"
    counts = {"fail": 0, "proof": 0, "ok": 0}
    for line in stdout.splitlines():
        if not line.startswith("claim"):
            continue
        if "\tFail\t" in line:
            counts["fail"] += 1
        elif "proof of correctness" in line:
            counts["proof"] += 1
        elif "\tOk\t" in line:
            counts["ok"] += 1
    return secs, mib, counts


def seeds():
    out = timed([BIN, "check"] + SEEDS + ["--format", "json"])
    print(f"the nine document models together (committed bound, 5 runs): {out[0]:.2f} s, peak {out[1]} MiB" if out else "the nine document models: timed out")


def corpus():
    folder = os.path.join(CORPUS, "protocols")
    files = os.environ.get("FILES", "").split() or sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".spdl"))
    bounds = [int(b) for b in os.environ.get("BOUNDS", "3 4 5").split()]
    head = f"{'file':28} {'runs':>4} {'seconds':>8} {'patterns':>9} {'MiB':>5} {'att/proof/bnd/inc':>18}"
    if SCYTHER:
        head += f" {'scyther s':>9} {'fail/proof/ok':>14} {'ratio':>7}"
    print(head)
    ratios = []
    slower = []
    unfinished = []
    for f in files:
        path = os.path.join(folder, f + ".spdl")
        for n in bounds:
            o = ours([path], n)
            line = f"{f:28} {n:>4} "
            if o is None:
                line += f"{'>' + str(int(TIMEOUT)):>8} {'-':>9} {'-':>5} {'-':>18}"
            elif o == "error":
                line += f"{'refused':>8} {'-':>9} {'-':>5} {'-':>18}"
                o = None
            else:
                c = o[3]
                line += f"{o[0]:8.2f} {o[2]:9} {o[1]:5} {c['attack']:>4}/{c['proved']}/{c['bounded']}/{c['inconclusive']:<6}".ljust(0)
            if SCYTHER:
                s = scyther(path, n)
                if s == "error":
                    line += f" {'refused':>9}"
                elif s is None:
                    # Scyther did not finish: its time is at least the timeout, the ratio at most this.
                    line += f" {'>' + str(int(TIMEOUT)):>9} {'-':>14}"
                    if o is not None:
                        ratio = max(o[0], 0.005) / TIMEOUT
                        line += f" <{ratio:6.3f}"
                        ratios.append(ratio)
                        unfinished.append(f)
                else:
                    sc = s[2]
                    line += f" {s[0]:9.2f} {sc['fail']:>6}/{sc['proof']}/{sc['ok']:<5}"
                    if o is not None:
                        ratio = max(o[0], 0.005) / max(s[0], 0.005)
                        line += f" {ratio:7.2f}"
                        if s[0] >= 0.1:
                            ratios.append(ratio)
                            if ratio > 1:
                                slower.append(f"{f} at {n} runs ({o[0]:.2f} s against {s[0]:.2f} s)")
            print(line, flush=True)
    if SCYTHER and ratios:
        g = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"\ngeometric mean of the time ratio protocheck/Scyther over the {len(ratios)} cases where Scyther needs 0.1 s or more: {g:.3f}"
              + (f" ({len(unfinished)} of them Scyther did not finish within {int(TIMEOUT)} s: counted at that time, so the mean is an upper bound)" if unfinished else ""))
        print("cases where protocheck is slower: " + ("; ".join(slower) if slower else "none"))


def engines():
    print(f"{'model':26} {'runs':>4} {'goal s':>8} {'patterns':>9} {'explicit s':>10} {'states':>9} {'ratio':>7}")
    for m in REGISTERED:
        for n in [2, 3]:
            g = ours([m], n, "goal")
            e = ours([m], n, "explicit")
            gs = f"{g[0]:8.2f} {g[2]:9}" if g else f"{'-':>8} {'-':>9}"
            es = f"{e[0]:10.2f} {e[2]:9}" if e else f"{'>' + str(int(TIMEOUT)):>10} {'-':>9}"
            ratio = f"{max(g[0], 0.005) / max(e[0], 0.005):7.2f}" if g and e else f"{'-':>7}"
            print(f"{m:26} {n:>4} {gs} {es} {ratio}", flush=True)


def heuristics():
    """The goal-directed engine's goal selection, each strategy on the same cases: patterns and seconds."""
    folder = os.path.join(CORPUS, "protocols")
    cases = [[m] for m in ["nspk", "soda-machine", "ns-symmetric", "gemplus-elgamal"]] + \
            [[os.path.join(folder, f + ".spdl")] for f in ["needham-schroeder", "kaochow-v2", "denning-sacco-lowe", "woo-lam", "yahalom", "wmf"]]
    strategies = ["fail-first", "keys-first", "in-order"]
    print(f"{'case':28} " + " ".join(f"{s + ' patterns':>20} {'s':>7}" for s in strategies))
    totals = {s: [0, 0.0] for s in strategies}
    for case in cases:
        line = f"{os.path.basename(case[0]):28} "
        for s in strategies:
            o = ours(case, 5, extra=["--heuristic", s, "--jobs", "1"])
            if o is None or o == "error":
                line += f"{'-':>20} {'-':>7} "
                continue
            totals[s][0] += o[2]
            totals[s][1] += o[0]
            line += f"{o[2]:>20} {o[0]:7.2f} "
        print(line, flush=True)
    print(f"{'total':28} " + " ".join(f"{totals[s][0]:>20} {totals[s][1]:7.2f}" for s in strategies))


def replay():
    print(f"{'model':18} {'property':34} {'replays':>8} {'ms/replay':>10} outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for model, prop in [("attested-k", "secret-K-SE"), ("gemplus-first", "privacy-given-integrity@collusion")]:
            trace = os.path.join(tmp, model + ".json")
            with open(trace, "w") as f:
                subprocess.run([BIN, "check", model, "--property", prop, "--format", "json"], stdout=f, stderr=subprocess.DEVNULL)
            first = [l for l in subprocess.run([BIN, "replay", trace], capture_output=True, text=True).stdout.splitlines() if l.startswith("replay:")]
            reps = int(os.environ.get("REPLAYS", "10"))
            start = time.monotonic()
            for _ in range(reps):
                subprocess.run([BIN, "replay", trace], capture_output=True)
            ms = (time.monotonic() - start) * 1000 / reps
            print(f"{model:18} {prop:34} {reps:>8} {ms:10.0f} {first[0] if first else '?'}")


parts = {"seeds": seeds, "corpus": corpus, "engines": engines, "heuristics": heuristics, "replay": replay}
chosen = os.environ.get("BENCH", "all")
for name, part in parts.items():
    if chosen in ("all", name):
        print(f"\n== {name}")
        part()
