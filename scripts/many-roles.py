#!/usr/bin/env python3
"""Writes an SPDL protocol of N roles passing a nonce along a ring, each role claiming its secrecy
and agreement with its predecessor: a model whose scenario count grows exponentially with N, for
the memory bound (scripts/peak-memory.sh, the fault tests)."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
roles = [f"R{i}" for i in range(n)]
out = [f"protocol ring{n}({','.join(roles)})", "{"]
for i, r in enumerate(roles):
    prev, nxt = roles[i - 1], roles[(i + 1) % n]
    out.append(f"  role {r} {{")
    out.append(f"    fresh n{i}: Nonce;")
    if i > 0:
        out.append(f"    var m{i}: Nonce;")
        out.append(f"    recv_{i}({prev},{r}, {{m{i}}}pk({r}));")
    out.append(f"    claim({r}, Running, {nxt}, n{i});")
    out.append(f"    send_{i + 1}({r},{nxt}, {{n{i}}}pk({nxt}));")
    if i > 0:
        out.append(f"    claim({r}, Commit, {prev}, m{i});")
    out.append(f"    claim({r}, Secret, n{i});")
    out.append("  }")
out.append("}")
print("\n".join(out))
