#!/usr/bin/env bash
# Regenerates the platform icons from atlas.svg (needs ImageMagick; png2icns from icnsutils for .icns).
# The outputs are committed, so a package build does not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
# Full-bleed art, cut to a rounded tile (16 px margin, 96 px corner radius at 512 px), then scaled.
render() {
  convert -background none -density 96 atlas.svg \
    \( -size 512x512 xc:none -fill white -draw "roundrectangle 16,16 495,495 96,96" \) \
    -compose DstIn -composite -resize "$1x$1" -depth 8 "PNG32:$2"
}
render 256 atlas.png                       # Linux (jpackage --icon, menu entry)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in 16 24 32 48 64 128 256 512; do render "$s" "$tmp/$s.png"; done
convert "$tmp"/{16,24,32,48,64,128,256}.png atlas.ico   # Windows (.msi, launcher .exe)
if command -v png2icns >/dev/null; then
  png2icns atlas.icns "$tmp"/{16,32,128,256,512}.png >/dev/null   # macOS (.app, .dmg)
else
  echo "png2icns not found (apt-get install icnsutils): atlas.icns not regenerated" >&2
fi
