#!/usr/bin/env bash
# Peak resident memory (GNU time's maximum resident set size) of the largest cases: the largest file
# of Scyther's library, and generated protocols of 20 and 30 roles, with the default engine at the
# default bound. Part of `make bench`.
set -u
cd "$(dirname "$0")/.."
BIN=${PROTOCHECK:-.build/release/protocheck}
LIB=../shared/corpus/scyther/protocols
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 scripts/many-roles.py 20 > "$WORK/ring20.spdl"
python3 scripts/many-roles.py 30 > "$WORK/ring30.spdl"
largest=$(ls -S "$LIB"/*.spdl 2>/dev/null | head -1)
for f in $largest "$WORK/ring20.spdl" "$WORK/ring30.spdl"; do
  /usr/bin/time -f "%M %e" -o "$WORK/t" "$BIN" check "$f" > /dev/null 2>&1
  status=$?
  read -r kb secs < <(tail -1 "$WORK/t")
  printf 'peak memory: %-40s %7.1f MiB  %6.1f s  (exit %d)\n' "$(basename "$f")" "$(echo "$kb / 1024" | bc -l)" "$secs" "$status"
done
