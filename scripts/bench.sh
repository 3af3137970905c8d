#!/usr/bin/env bash
# Runs the session benchmark and prints the DESIGN check: one simulated HTTPS session
# should cost at most 1.5x the crypto it performs. Then times `handshake-lab trace`.
#
#   scripts/bench.sh            # bench + ratio + trace wall time
#   SKIP_BENCH=1 scripts/bench.sh   # only re-read the last results
set -euo pipefail
cd "$(dirname "$0")/.."

target="${CARGO_TARGET_DIR:-target}"
if [[ -z "${SKIP_BENCH:-}" ]]; then
  cargo bench -p handshake-lab-core --bench session
fi

# Criterion's point estimate per iteration, in nanoseconds: the slope of the linear
# fit when it made one (the figure `cargo bench` prints), the mean otherwise.
mean_ns() {
  jq -r '(.slope // .mean).point_estimate' "$target/criterion/session/$1/new/estimates.json"
}

session=$(mean_ns https_simulate)
crypto=$(mean_ns https_crypto_alone)
http=$(mean_ns http_simulate)
awk -v s="$session" -v c="$crypto" -v h="$http" 'BEGIN {
  printf "https session (simulate):   %10.1f us\n", s / 1000
  printf "https crypto alone:         %10.1f us\n", c / 1000
  printf "ratio session / crypto:     %10.2fx (target <= 1.50x)\n", s / c
  printf "http session (simulate):    %10.1f us\n", h / 1000
  exit (s / c > 1.5) ? 1 : 0
}' || echo "ratio above the 1.5x target"

cargo build --release --quiet
bin="$target/release/handshake-lab"
if command -v hyperfine >/dev/null 2>&1; then
  hyperfine -N --warmup 3 --runs 20 --output=null "$bin trace"
else
  start=$(date +%s%N)
  for _ in $(seq 20); do "$bin" trace >/dev/null; done
  end=$(date +%s%N)
  awk -v t=$((end - start)) 'BEGIN { printf "trace wall time: %.2f ms (mean of 20)\n", t / 20 / 1e6 }'
fi
