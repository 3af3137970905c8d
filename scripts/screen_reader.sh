#!/bin/bash
# What a screen reader gets from the window: starts a private D-Bus session with the
# AT-SPI bus switched on (as a desktop does when Orca runs), the app on a virtual
# display, and prints the accessibility tree AccessKit exposes over AT-SPI.
#
#   apt-get install xvfb at-spi2-core python3-pyatspi dbus-x11
#   scripts/screen_reader.sh [APP ARGS...]    e.g. --lang de --lesson 04-hellos --step 3
#
# The binary is target/release/handshake-lab (or $HANDSHAKE_LAB_BIN).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${HANDSHAKE_LAB_BIN:-$here/../target/release/handshake-lab}
display=:${SCREEN_READER_DISPLAY:-77}

eval "$(dbus-launch --sh-syntax)"
cleanup() { kill "${pids[@]}" 2>/dev/null || true; kill "$DBUS_SESSION_BUS_PID" 2>/dev/null || true; }
pids=()
trap cleanup EXIT
/usr/libexec/at-spi-bus-launcher --launch-immediately & pids+=($!)
sleep 1
# The switch a screen reader flips: apps only build their AT-SPI tree when it is on.
dbus-send --session --dest=org.a11y.Bus /org/a11y/bus org.freedesktop.DBus.Properties.Set \
  string:org.a11y.Status string:IsEnabled variant:boolean:true
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 & pids+=($!)
sleep 1
DISPLAY=$display HOME=$(mktemp -d) "$bin" "$@" >/dev/null 2>&1 & pids+=($!)
sleep "${SCREEN_READER_WAIT:-8}"
DISPLAY=$display /usr/bin/python3 "$here/atspi_tree.py" handshake-lab
