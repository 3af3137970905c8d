#!/usr/bin/env bash
# How fast is the lab's live server next to OpenSSL's? 200 sequential curl requests,
# each a new TLS 1.3 connection on loopback, against `handshake-lab serve` and against
# `openssl s_server -www -tls1_3`; prints both wall times side by side and the ratio.
#
#   scripts/bench-serve.sh                 # release binary (built if missing)
#   N=50 scripts/bench-serve.sh            # fewer requests
#   BIN=target/debug/handshake-lab scripts/bench-serve.sh   # any build of the lab
#
# The first run builds the release binary (`cargo build --release -p handshake-lab`):
# that takes many minutes (the window's crates are in it); later runs reuse it.
#
# Certificates: `serve` issues its own (a lab root and an ECDSA P-256 leaf for
# bank.example and localhost, valid by the real clock); it cannot be handed others.
# s_server gets the same kind from `handshake-lab certs` (lab root, ECDSA P-256 leaf
# for bank.example): the same key type and signature scheme, not the same key.
# Both answer GET / over HTTP/1.1; serve also writes every connection as NNNN.json
# and NNNN.pcapng (its recording is part of what it costs), s_server writes nothing.
# Loopback only; every process the script starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

n="${N:-200}"
target="${CARGO_TARGET_DIR:-target}"
bin="${BIN:-$target/release/handshake-lab}"
if [[ ! -x "$bin" ]]; then
  echo "building $bin (minutes the first time)..." >&2
  cargo build --release --quiet -p handshake-lab
fi
for tool in curl openssl python3; do
  command -v "$tool" >/dev/null || { echo "bench-serve: $tool is not on PATH" >&2; exit 2; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Waits (at most 10 s) until FILE has a line matching PATTERN; prints that line.
wait_for_line() {
  local file=$1 pattern=$2
  for _ in $(seq 100); do
    if grep -q -- "$pattern" "$file" 2>/dev/null; then
      grep -m1 -- "$pattern" "$file"
      return 0
    fi
    sleep 0.1
  done
  echo "bench-serve: no '$pattern' in $file:" >&2
  cat "$file" >&2
  return 1
}

# A free loopback port for s_server (it cannot print the one port 0 picks).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Runs N requests with curl; prints the wall time in nanoseconds.
run_curls() {
  local start end i
  start=$(date +%s%N)
  for ((i = 0; i < n; i++)); do
    curl --silent --show-error --fail --max-time 10 --output /dev/null "$@"
  done
  end=$(date +%s%N)
  echo $((end - start))
}

# The lab's serve, on a port it picks.
"$bin" serve --listen 127.0.0.1:0 --record "$work/recordings" >"$work/serve.out" 2>&1 &
pids+=($!)
line=$(wait_for_line "$work/serve.out" "listening on")
lab_port=$(sed -E 's/.*\(127\.0\.0\.1:([0-9]+)\).*/\1/' <<<"$line")

# openssl s_server with the certificates of `handshake-lab certs`.
"$bin" certs --out "$work/certs" >/dev/null
ossl_port=$(free_port)
openssl s_server -quiet -www -tls1_3 -accept "127.0.0.1:$ossl_port" \
  -cert "$work/certs/server.pem" -key "$work/certs/server.key.pem" >"$work/s_server.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do
  curl --silent --max-time 2 --output /dev/null --cacert "$work/certs/ca.pem" \
    --resolve "bank.example:$ossl_port:127.0.0.1" "https://bank.example:$ossl_port/" && break
  sleep 0.1
done

# One warm-up request each (page cache, the lab's first recording), then the runs.
curl --silent --fail --output /dev/null --cacert "$work/recordings/ca.pem" "https://localhost:$lab_port/"
lab_ns=$(run_curls --cacert "$work/recordings/ca.pem" "https://localhost:$lab_port/")
ossl_ns=$(run_curls --cacert "$work/certs/ca.pem" \
  --resolve "bank.example:$ossl_port:127.0.0.1" "https://bank.example:$ossl_port/")

recorded=$(find "$work/recordings" -name '*.json' | wc -l)
awk -v n="$n" -v lab="$lab_ns" -v ossl="$ossl_ns" -v rec="$recorded" -v bin="$bin" 'BEGIN {
  printf "%d sequential curl requests, each a new TLS 1.3 connection (%s)\n", n, bin
  printf "%-26s %10s %14s\n", "server", "wall (s)", "per request"
  printf "%-26s %10.2f %11.2f ms\n", "handshake-lab serve", lab / 1e9, lab / n / 1e6
  printf "%-26s %10.2f %11.2f ms\n", "openssl s_server -www", ossl / 1e9, ossl / n / 1e6
  printf "ratio serve / s_server:    %10.2fx\n", lab / ossl
  printf "serve recorded %d connections (NNNN.json + NNNN.pcapng each)\n", rec
}'
