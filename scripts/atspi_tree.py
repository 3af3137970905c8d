#!/usr/bin/python3
"""Prints the accessibility tree that a screen reader (Orca) gets from a running app.

Walks the AT-SPI registry (python3-pyatspi) and prints, for the application whose
name contains ARGV[1] (default: handshake-lab), each node's role, name and
description, indented by depth. Used by scripts/screen_reader.sh.
"""
import sys

import pyatspi

WANT = sys.argv[1] if len(sys.argv) > 1 else "handshake-lab"
LIMIT = 5000


def walk(node, depth, out):
    if len(out) >= LIMIT:
        return
    line = "  " * depth + f"[{node.getRoleName()}] {node.name or ''!r}"
    if node.description:
        line += f" desc={node.description!r}"
    out.append(line)
    for i in range(node.childCount):
        walk(node.getChildAtIndex(i), depth + 1, out)


found = False
for app in pyatspi.Registry.getDesktop(0):
    if app is None or WANT not in (app.name or ""):
        continue
    found = True
    lines = []
    walk(app, 0, lines)
    print("\n".join(lines))
if not found:
    sys.exit(f"no application named like {WANT!r} on the accessibility bus")
