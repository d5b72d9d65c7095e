#!/usr/bin/env bash
# `make bench`: timings, patterns, memory and verdicts (scripts/bench.py says what each part prints).
# Figures, not assertions: the machines are shared. BENCH=seeds|corpus|engines|replay runs one part;
# SCYTHER_BIN=/path/to/scyther-linux adds Scyther beside protocheck on its own library.
set -eu
cd "$(dirname "$0")/.."
exec python3 scripts/bench.py "$@"
