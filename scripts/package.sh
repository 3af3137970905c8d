#!/usr/bin/env bash
# Builds the Debian package students install: target/debian/handshake-lab_*.deb, its
# path printed as the last line. Once per class, on any Debian or Ubuntu machine with
# Rust (see README, "Install"). What goes in is listed in Cargo.toml,
# [package.metadata.deb]; this script makes the files that are generated:
#   - the release binary;
#   - the man pages and the bash, zsh and fish completions, written from the command
#     line's clap definition by `cargo run -p xtask -- dist-assets` (never by hand);
#   - the icon's PNG sizes for the hicolor theme, rendered from assets/icons/handshake-lab.svg
#     by rsvg-convert (librsvg, the renderer the Linux desktops themselves draw SVG
#     icons with, so the PNGs look like the scalable icon);
#   - the AppStream metainfo, its screenshots' addresses under HANDSHAKE_LAB_MEDIA_URL
#     when that is set (where assets/screenshots/ is published).
# Then it checks the desktop entry and the metainfo with their validators and runs
# cargo-deb (installed with `cargo install cargo-deb --locked` when missing).
#
#   scripts/package.sh            # needs: rsvg-convert (librsvg2-bin), desktop-file-validate
#                                 # (desktop-file-utils), appstreamcli (appstream), dpkg-dev
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
DIST="$TARGET/release/dist"
METAINFO=assets/linux/example.handshake_lab.HandshakeLab.metainfo.xml

need() { # command package
  command -v "$1" >/dev/null 2>&1 && return
  echo "package.sh: $1 is missing: sudo apt-get install $2" >&2
  exit 1
}
need rsvg-convert librsvg2-bin
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need dpkg-shlibdeps dpkg-dev
if ! cargo deb --version >/dev/null 2>&1; then
  cargo install cargo-deb --locked
fi

# One build for both: the xtask reuses the release library the binary is built from.
cargo build --release --locked -p handshake-lab -p xtask
rm -rf "$DIST"
mkdir -p "$DIST"
"$TARGET/release/xtask" dist-assets "$DIST" >/dev/null
# Debian policy: man pages gzipped, without a timestamp (cargo-deb leaves generated
# files as they are).
gzip -9n "$DIST"/man/*.1

for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$DIST/icons/${size}x${size}"
  rsvg-convert --width "$size" --height "$size" assets/icons/handshake-lab.svg \
    --output "$DIST/icons/${size}x${size}/handshake-lab.png"
done

if [ -n "${HANDSHAKE_LAB_MEDIA_URL:-}" ]; then
  sed "s#https://handshake-lab.example/screenshots/#${HANDSHAKE_LAB_MEDIA_URL%/}/#" \
    "$METAINFO" >"$DIST/$(basename "$METAINFO")"
else
  cp "$METAINFO" "$DIST/"
fi

desktop-file-validate assets/linux/handshake-lab.desktop
appstreamcli validate --no-net --no-color "$DIST/$(basename "$METAINFO")" >&2

cargo deb --no-build --locked -p handshake-lab >&2
ls -t "$TARGET"/debian/handshake-lab_*.deb | head -n 1
