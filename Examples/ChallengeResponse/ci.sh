#!/usr/bin/env bash
# This package's CI, run by protocheck's own (.ci/run, `make examples`):
#   1. build its command line (check-protocols);
#   2. check its models against the verdicts committed in attacks/expected.yaml, writing the SARIF log
#      and JUnit report a CI would upload (docs/ci.md), and check that they point at this package's
#      own model file;
#   3. replay a committed attack on real cryptography;
#   4. check that the committed attacks/ and Reports/ are what check-protocols generates today (after
#      a change, regenerate them with `"$BIN" report all --output . --expectations` and commit them).
# Exit 0 when all of it holds, non-zero with the reason otherwise.
set -euo pipefail
cd "$(dirname "$0")"
swift build
BIN="$(swift build --show-bin-path)/check-protocols"
OUT=protocheck-out
rm -rf "$OUT"
mkdir -p "$OUT"
fail() { echo "Examples/ChallengeResponse: $*" >&2; exit 1; }

status=0
# shellcheck disable=SC2046 # one argument per model name
"$BIN" check $("$BIN" list | cut -f1) --expect attacks/expected.yaml \
  --sarif "$OUT/protocheck.sarif" --junit "$OUT/protocheck-junit.xml" > "$OUT/verdicts.txt" || status=$?
[ "$status" -eq 0 ] || { cat "$OUT/verdicts.txt"; fail "check against attacks/expected.yaml exited $status"; }
echo "check: every verdict as attacks/expected.yaml records it"

model=Sources/ChallengeResponse/SignedChallenge.swift
grep -q "\"uri\" : \"$model\"" "$OUT/protocheck.sarif" || fail "the SARIF log does not point at $model"
grep -q "file=\"$model\" line=\"[0-9]*\"" "$OUT/protocheck-junit.xml" || fail "the JUnit report does not point at $model"
echo "SARIF and JUnit point at $model"

"$BIN" replay attacks/signed-challenge/B-ni-agree.json > "$OUT/replay.txt" || { cat "$OUT/replay.txt"; fail "the committed attack did not replay"; }
grep -q CONFIRMED "$OUT/replay.txt" || fail "the committed attack was not confirmed on real cryptography"
echo "replay: attacks/signed-challenge/B-ni-agree.json confirmed on real cryptography"

"$BIN" report all --output "$OUT/generated" --expectations > /dev/null
for folder in attacks Reports; do
  diff -r "$folder" "$OUT/generated/$folder" > "$OUT/$folder.diff" ||
    { cat "$OUT/$folder.diff"; fail "the committed $folder/ is not what check-protocols generates: run \"$BIN\" report all --output . --expectations and commit it"; }
done
echo "attacks/ and Reports/ are what check-protocols generates"
