#!/usr/bin/env bash
# Generates docs/scyther-comparison.md: protocheck's verdict on every claim of Scyther's protocol
# library beside the verdict Scyther recorded (release build; about 15 minutes on 2 cores at most:
# at least BUDGET seconds of search per protocol, TOTAL seconds in all, MAX_RUNS runs at most,
# as Scyther's 5).
# Times depend on the machine, so the generated file is not checked for freshness.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/scyther}
[ -d "$corpus/protocols" ] || { echo "no corpus at $corpus (set CORPUS)" >&2; exit 2; }
swift build -c release
exec .build/release/protocheck compare-scyther "$corpus" --output docs/scyther-comparison.md \
  --max-runs "${MAX_RUNS:-5}" --budget "${BUDGET:-15}" --total "${TOTAL:-780}" "$@"
