#!/bin/bash
# What Orca says while a student steps through the window with the keyboard: starts a
# private D-Bus session with the AT-SPI bus on, Orca (speech logged to its debug file;
# no sound card needed), the app on a virtual display, presses KEYS in the window, and
# prints Orca's SPEECH OUTPUT lines.
#
#   apt-get install xvfb xdotool at-spi2-core dbus-x11 orca
#   KEYS="Right Right" scripts/orca_speech.sh --lang de --lesson 04-hellos --step 2
#
# The binary is target/release/handshake-lab (or $HANDSHAKE_LAB_BIN).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${HANDSHAKE_LAB_BIN:-$here/../target/release/handshake-lab}
display=:${ORCA_DISPLAY:-78}
keys=${KEYS:-Right Right}
log=$(mktemp)

eval "$(dbus-launch --sh-syntax)"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true; }
trap cleanup EXIT
# shellcheck source=scripts/a11y_bus.sh
. "$here/a11y_bus.sh"
a11y_bus_start IsEnabled ScreenReaderEnabled
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 & pids+=($!)
sleep 1
export DISPLAY=$display
home=$(mktemp -d)
HOME=$home orca --debug-file="$log" >/dev/null 2>&1 & pids+=($!)
sleep 4
HOME=$home "$bin" "$@" >/dev/null 2>&1 & pids+=($!)
sleep "${ORCA_WAIT:-8}"
window=$(xdotool search --name 'Handshake' | head -1)
xdotool windowactivate --sync "$window" 2>/dev/null || true
xdotool windowfocus "$window" 2>/dev/null || true
sleep 2
for key in $keys; do
  xdotool key --window "$window" "$key"
  sleep 3
done
grep 'SPEECH OUTPUT' "$log" | sed 's/^[0-9:.]* - //'
