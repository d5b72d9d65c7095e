#!/usr/bin/env bash
# Replays every attack protocheck finds on real cryptography and prints "N of M attacks confirmed"
# per model and in total (the hidden command `protocheck replay-all`), over every registered model
# (typed, and otway-rees also with --type-flaws, as its tests check it) and every SPDL file of
# Scyther's library (../shared/corpus/scyther, or CORPUS), at the committed bound
# (ReportSettings.committed). Exit status 0 when every attack is confirmed, 1 otherwise.
#
# A search the bound alone does not stop in time (ksl.spdl at five runs) would hold the script for
# hours: TIMEOUT seconds per model (default 300) stop it, its open properties are inconclusive and
# counted as such, and its attacks found so far are replayed. TIMEOUT=0 waits for every search.
#
# Arguments, when given, replace the list (registered names or files; `--registered` for every
# registered model, `--type-flaws MODEL` for a type-flaw check). PROTOCHECK names a built binary to
# use instead of building the release one (the test of this script passes the debug binary).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus/scyther}
if [ -z "${PROTOCHECK:-}" ]; then
  swift build -c release >&2
  PROTOCHECK=.build/release/protocheck
fi
timeout=()
if [ "${TIMEOUT:-300}" != 0 ]; then timeout=(--timeout "${TIMEOUT:-300}"); fi
if [ $# -eq 0 ]; then
  [ -d "$corpus/protocols" ] || { echo "no corpus at $corpus (set CORPUS)" >&2; exit 2; }
  set -- --registered --type-flaws otway-rees "$corpus"/protocols/*.spdl
fi
exec "$PROTOCHECK" replay-all "${timeout[@]}" "$@"
