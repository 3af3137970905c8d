#!/usr/bin/env bash
# Measures the desktop app against a bare eframe window under Xvfb (release builds):
# time from process start to first frame (median of N runs), CPU while idle over 10 s,
# and peak memory (/usr/bin/time -v). Usage: scripts/startup.sh [runs] [display]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
DISPLAY_NUM=${2:-:91}
TARGET=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --bin handshake-lab --example bare_window
APP="$TARGET/release/handshake-lab"
BARE="$TARGET/release/examples/bare_window"

if ! xdpyinfo -display "$DISPLAY_NUM" >/dev/null 2>&1; then
  Xvfb "$DISPLAY_NUM" -screen 0 1920x1080x24 >/dev/null 2>&1 &
  XVFB=$!
  trap 'kill $XVFB' EXIT
  sleep 1
fi
export DISPLAY=$DISPLAY_NUM
HOME_DIR=$(mktemp -d)

first_frame_ms() { # command...: process start -> first frame, in ms
  local start end
  start=$(date +%s%N)
  end=$(HOME=$HOME_DIR HANDSHAKE_LAB_MEASURE_STARTUP=1 "$@" 2>/dev/null | awk '/first-frame-unix-ns/ {print $2}')
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for name in bare app; do
  if [ $name = bare ]; then cmd=("$BARE"); else cmd=("$APP"); fi
  first_frame_ms "${cmd[@]}" >/dev/null # warm the file cache
  times=$(for _ in $(seq "$RUNS"); do first_frame_ms "${cmd[@]}"; done)
  echo "$name first frame (ms, median of $RUNS): $(echo "$times" | median)  [$(echo $times)]"
done

# Idle CPU and peak memory: start the app, let it settle, sample CPU time over 10 s.
HOME=$HOME_DIR /usr/bin/time -v "$APP" 2>/tmp/hl-time.txt &
TIMED=$!
sleep 4
PID=$(pgrep -n -f "^$APP$" || true)
if [ -n "$PID" ]; then
  t0=$(awk '{print $14+$15}' "/proc/$PID/stat")
  sleep 10
  t1=$(awk '{print $14+$15}' "/proc/$PID/stat")
  hz=$(getconf CLK_TCK)
  echo "app idle CPU over 10 s: $(( (t1 - t0) * 1000 / hz )) ms of CPU time ($(awk "BEGIN {print ($t1-$t0)/$hz/10*100}") %)"
  kill "$PID"
fi
# That run only: a bare `wait` would also wait for the Xvfb this script started.
wait "$TIMED" || true
echo "app peak memory: $(awk -F: '/Maximum resident/ {print $2}' /tmp/hl-time.txt | tr -d ' ') KiB"
HOME=$HOME_DIR HANDSHAKE_LAB_MEASURE_STARTUP=1 /usr/bin/time -v "$BARE" >/dev/null 2>/tmp/hl-time-bare.txt || true
echo "bare peak memory: $(awk -F: '/Maximum resident/ {print $2}' /tmp/hl-time-bare.txt | tr -d ' ') KiB (to first frame)"
rm -rf "$HOME_DIR"
