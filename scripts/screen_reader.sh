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
# shellcheck source=scripts/a11y_bus.sh
. "$here/a11y_bus.sh"
# The switch a screen reader flips: apps only build their AT-SPI tree when it is on.
a11y_bus_start IsEnabled
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 & pids+=($!)
wait_until 30 "the X server on $display" xdpyinfo -display "$display"
DISPLAY=$display HOME=$(mktemp -d) "$bin" "$@" >/dev/null 2>&1 & pids+=($!)
tree() { DISPLAY=$display /usr/bin/python3 "$here/atspi_tree.py" handshake-lab; }
# The app registers on the bus before its first frame; its window (titled "Handshake
# Lab ...") is in the tree once a frame was drawn. Wait for that, at most
# SCREEN_READER_WAIT seconds, then give the frame's widgets a moment more to settle.
window_in_tree() { tree 2>/dev/null | grep -q "'Handshake Lab"; }
wait_until "${SCREEN_READER_WAIT:-60}" "the window in the accessibility tree" window_in_tree
previous=
until [ "$previous" = "$(tree 2>/dev/null | wc -l)" ]; do
  previous=$(tree 2>/dev/null | wc -l)
  sleep 0.5
done
tree
