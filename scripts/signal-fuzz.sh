#!/usr/bin/env bash
# Signals at random times during searches and during `report`, and a sweep of malformed inputs,
# against the built binary. Every run must end with 0/1/2/3/130/143 (never 139 or another signal),
# a report folder must be complete (the same files as an uninterrupted run) or absent, and an
# interrupted check must print its verdicts. Prints: inputs tried, signals sent, crashes.
#   bash scripts/signal-fuzz.sh [ROUNDS]     (PROTOCHECK=path to pick the binary; default 40 rounds)
set -u
cd "$(dirname "$0")/.."
BIN=${PROTOCHECK:-.build/release/protocheck}
[ -x "$BIN" ] || BIN=.build/debug/protocheck
ROUNDS=${1:-40}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RANDOM=${SEED:-10}
tried=0 signals=0 crashes=0 partial=0 silent=0

ok_status() { case $1 in 0|1|2|3|130|143) return 0 ;; *) return 1 ;; esac; }
note_crash() { crashes=$((crashes + 1)); echo "CRASH: exit $1: $2" >&2; }

# Reference file list of a complete report.
"$BIN" report nspk nsl --max-runs 3 --output "$WORK/ref" >/dev/null 2>&1
(cd "$WORK/ref" && find . -type f | sort) > "$WORK/ref.list"

searches=("check soda-machine master-key-registration gemplus-rsa"
          "check nspk nsl --engine explicit --max-runs 4"
          "check Tests/FrontendsTests/spdl/nsl.spdl Tests/FrontendsTests/spdl/otway-rees.spdl --max-runs 4 --format json")
for ((i = 0; i < ROUNDS; i++)); do
  sig=$([ $((RANDOM % 2)) = 0 ] && echo INT || echo TERM)
  delay=$(printf '0.%02d' $((RANDOM % 100)))
  [ $((RANDOM % 3)) = 0 ] && delay=$((1 + RANDOM % 3))
  if [ $((i % 2)) = 0 ]; then
    cmd=${searches[$((RANDOM % ${#searches[@]}))]}
    # shellcheck disable=SC2086
    "$BIN" $cmd > "$WORK/out" 2> "$WORK/err" &
    pid=$!
    sleep "$delay"; kill -s "$sig" "$pid" 2>/dev/null && signals=$((signals + 1))
    wait "$pid"; status=$?
    tried=$((tried + 1))
    ok_status $status || note_crash $status "$cmd after $delay s ($sig)"
    if [ $status -ge 130 ] && ! grep -qE 'INCONCLUSIVE|ATTACK|VERIFIED|"verdict"' "$WORK/out"; then
      # Stopped before the first model was even resolved prints nothing: only allowed that early.
      grep -q "received" "$WORK/err" || { silent=$((silent + 1)); echo "SILENT: $cmd after $delay s" >&2; }
    fi
  else
    out="$WORK/report-$i"
    "$BIN" report nspk nsl --max-runs 3 --output "$out" > "$WORK/out" 2> "$WORK/err" &
    pid=$!
    sleep "$delay"; kill -s "$sig" "$pid" 2>/dev/null && signals=$((signals + 1))
    wait "$pid"; status=$?
    tried=$((tried + 1))
    ok_status $status || note_crash $status "report after $delay s ($sig)"
    if [ -e "$out" ] && ! diff -q <(cd "$out" && find . -type f | sort) "$WORK/ref.list" >/dev/null; then
      partial=$((partial + 1)); echo "PARTIAL: report after $delay s ($sig), exit $status" >&2
    fi
    ls -a "$WORK" | grep -q '^\.protocheck-staging' && { partial=$((partial + 1)); echo "STAGING LEFT: report-$i" >&2; }
    rm -rf "$out"
  fi
done

# Malformed inputs: each must exit 2 with a message, never 0.
printf '' > "$WORK/empty.spdl"; echo '// only a comment' > "$WORK/comment.spdl"
echo 'protocol p(I,R) { role I { fresh n: Nonce; send_1(I,R,n); } role R { var n: Nonce; recv_1(I,R,n); } }' > "$WORK/noclaim.spdl"
printf 'protocol p(I,R) { \xff }' > "$WORK/latin1.spdl"; head -c 64 "$BIN" > "$WORK/binary.spdl"
cp "$WORK/noclaim.spdl" "$WORK/model.txt"; cp "$WORK/noclaim.spdl" "$WORK/model.SPDL"
: > "$WORK/empty.yaml"; printf 'nspk:\n  B-secret-Nb: attack\n' > "$WORK/other.yaml"
bad=("check $WORK/empty.spdl" "check $WORK/comment.spdl" "check $WORK/noclaim.spdl" "check $WORK/latin1.spdl"
     "check $WORK/binary.spdl" "check $WORK/model.txt" "check $WORK/model.SPDL" "check $WORK/missing.spdl"
     "check nspk --max-runs 0" "check nspk --max-runs=-1" "check nspk --max-states 0" "check nspk --max-memory 1K"
     "check iso9798-2-2-noid --max-runs 2 --expect $WORK/empty.yaml" "check iso9798-2-2-noid --max-runs 2 --expect $WORK/other.yaml")
for cmd in "${bad[@]}"; do
  # shellcheck disable=SC2086
  "$BIN" $cmd > /dev/null 2> "$WORK/err"; status=$?
  tried=$((tried + 1))
  ok_status $status || note_crash $status "$cmd"
  if [ $status = 0 ] || [ ! -s "$WORK/err" ]; then silent=$((silent + 1)); echo "SILENT PASS: $cmd (exit $status)" >&2; fi
done

echo "signal-fuzz: inputs tried: $tried, signals sent: $signals, crashes: $crashes, partial folders: $partial, silent passes: $silent"
[ $crashes = 0 ] && [ $partial = 0 ] && [ $silent = 0 ]
