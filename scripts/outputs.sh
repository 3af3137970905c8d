#!/usr/bin/env bash
# Writes everything a user can take away from the lab, for every scenario and seeds
# 1 to 5: trace (text and JSON), pcap with its key log, certs, and every lesson's
# slides. Two runs (before and after a change) compare with `diff -r`:
#
#   scripts/outputs.sh OLD_BINARY /tmp/before
#   scripts/outputs.sh target/release/handshake-lab /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# Slides use the machine's fonts, so compare runs on one machine.
set -euo pipefail
bin=${1:?usage: scripts/outputs.sh BINARY OUT_DIR}
out=${2:?usage: scripts/outputs.sh BINARY OUT_DIR}
seeds=${SEEDS:-"1 2 3 4 5"}
rm -rf "$out"
mkdir -p "$out"
scenarios=$("$bin" scenarios | awk '{print $1}')
for scenario in $scenarios; do
  for seed in $seeds; do
    dir="$out/$scenario/seed-$seed"
    mkdir -p "$dir"
    "$bin" trace --scenario "$scenario" --seed "$seed" > "$dir/trace.txt"
    "$bin" trace --scenario "$scenario" --seed "$seed" --json > "$dir/trace.json"
    "$bin" pcap --scenario "$scenario" --seed "$seed" --out "$dir/session.pcapng" \
      --keylog "$dir/keys.log" > /dev/null
    "$bin" certs --scenario "$scenario" --seed "$seed" --out "$dir/certs" > /dev/null
  done
done
for seed in $seeds; do
  "$bin" slides --all --out "$out/slides/seed-$seed" --seed "$seed" > /dev/null 2>&1 ||
  for lesson in $("$bin" lessons | awk '{print $1}'); do
    "$bin" slides --lesson "$lesson" --out "$out/slides/seed-$seed" --seed "$seed" > /dev/null
  done
done
echo "$(find "$out" -type f | wc -l) files in $out"
