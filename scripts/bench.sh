#!/usr/bin/env bash
# Prints, for each model and bound, the states explored, states per second, seconds and peak memory
# of `protocheck check` (release build), then the milliseconds a `protocheck replay` takes.
# Figures, not assertions: the machines are shared. BENCH=check or BENCH=replay runs one part.
set -u
bin=.build/release/protocheck
part=${BENCH:-all}
if [ "$part" != replay ]; then
  models=${MODELS:-"nspk nsl otway-rees dh-unauthenticated iso9798-2-2-noid iso9798-2-2"}
  printf "%-26s %5s %10s %12s %9s %10s\n" model runs states states/s seconds peak-MiB
  for m in $models; do
    for n in ${BOUNDS:-2 3 4}; do
      out=$( { /usr/bin/time -f "%e %M" timeout 600 "$bin" check "$m" --max-runs "$n" --format json > /tmp/bench.json; } 2>&1 | tail -1)
      secs=${out% *}; kb=${out#* }
      states=$(python3 -c "import json;d=json.load(open('/tmp/bench.json'));print(max(r['states'] for r in d['results']))" 2>/dev/null || echo "?")
      rate=$(python3 -c "print(int($states/max($secs,0.001)))" 2>/dev/null || echo "?")
      printf "%-26s %5s %10s %12s %9s %10s\n" "$m" "$n" "$states" "$rate" "$secs" "$((kb/1024))"
    done
  done
  all="attested-k gemplus-first gemplus-rsa gemplus-elgamal soda-machine modified-ns ns-symmetric master-key-registration"
  out=$( { /usr/bin/time -f "%e" "$bin" check $all --format json > /dev/null; } 2>&1 | tail -1)
  echo "the eight document models together (max-runs 3): ${out} s"
fi

# Replay on real cryptography: the attested-K key substitution and the Gemplus first approach
# (fig. 2, found with a colluding issuer), each found afresh so that the trace matches the current
# model. A replay is a whole process: start, RSA/ECDSA keys for every agent, runs and intruder.
if [ "$part" != check ]; then
  reps=${REPLAYS:-10}
  tmp=$(mktemp -d)
  printf "\n%-18s %-34s %8s %10s %s\n" model property replays ms/replay outcome
  for spec in "attested-k secret-K-SE" "gemplus-first privacy-given-integrity@collusion"; do
    set -- $spec
    "$bin" check "$1" --property "$2" --format json > "$tmp/$1.json" 2> /dev/null
    outcome=$("$bin" replay "$tmp/$1.json" | grep -m1 '^replay:')
    start=$(date +%s%N)
    for _ in $(seq "$reps"); do "$bin" replay "$tmp/$1.json" > /dev/null; done
    end=$(date +%s%N)
    printf "%-18s %-34s %8s %10s %s\n" "$1" "$2" "$reps" "$(( (end - start) / reps / 1000000 ))" "$outcome"
  done
  rm -rf "$tmp"
fi
