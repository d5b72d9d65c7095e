#!/usr/bin/env bash
# Generates docs/scyther-comparison.md: protocheck's verdict on every claim of Scyther's protocol
# library beside the verdict Scyther recorded (release build; the goal-directed engine at MAX_RUNS
# runs, Scyther's 5; at least BUDGET seconds of search per protocol, TOTAL seconds in all: the time
# quick protocols leave goes to those a time limit stopped, so it takes about TOTAL seconds).
# Times depend on the machine, so the generated file is not checked for freshness.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/scyther}
[ -d "$corpus/protocols" ] || { echo "no corpus at $corpus (set CORPUS)" >&2; exit 2; }
swift build -c release
exec .build/release/protocheck compare-scyther "$corpus" --output docs/scyther-comparison.md \
  --max-runs "${MAX_RUNS:-5}" --budget "${BUDGET:-15}" --total "${TOTAL:-780}" "$@"
