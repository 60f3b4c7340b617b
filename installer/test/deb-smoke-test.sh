#!/usr/bin/env bash
# deb-smoke-test.sh PACKAGE.deb|DIR [REPORT_DIR]
# What a school IT person does, on this machine (needs root): install the .deb with dpkg, start the
# installed atlas from its menu entry's command line with a .geojson file argument under Xvfb,
# check that the window appears and shows the map (screenshot not blank), close it, purge the
# package, and check nothing is left in /opt, in the menu or in the XDG folders, and that the package never
# made itself the default application for a file type. Prints "N passed, N failed".
# Needs: dpkg, Xvfb, xdotool, ImageMagick (import, convert), and the package's dependencies
# (.ci/run installs them).
# INSTALLER_TEST_DEPS=apt (set by .ci/run): apt-get install the package's missing Depends first, so
# that the dpkg -i under test can succeed on a fresh machine.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(uname -s)" != Linux ] || ! command -v dpkg >/dev/null; then
  echo "deb-smoke-test: skipped (not a Debian-like Linux)"; exit 0
fi
deb=$1; [ -d "$deb" ] && deb=$(ls "$deb"/*.deb | head -1)
[ -f "$deb" ] || { echo "deb-smoke-test: no .deb in $1" >&2; exit 1; }
deb=$(realpath "$deb")
report=${2:-$(dirname "$deb")}
mkdir -p "$report"; report=$(realpath "$report")
PKG=fergana-border-atlas
INSTALL_DIR=/opt/$PKG
LAUNCHER=$INSTALL_DIR/bin/$PKG
. "$here/xlib.sh"

passed=0; failed=0
ok()   { echo "PASS: $*"; passed=$((passed + 1)); }
bad()  { echo "FAIL: $*"; failed=$((failed + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }
finish() {
  echo "deb smoke test: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

[ "$(id -u)" = 0 ] || { echo "deb-smoke-test: must run as root (dpkg -i)" >&2; exit 1; }
for t in dpkg Xvfb xdotool import convert; do
  command -v "$t" >/dev/null || { echo "deb-smoke-test: $t not installed (see .ci/run)" >&2; exit 1; }
done

# a previous, interrupted run
dpkg -s "$PKG" >/dev/null 2>&1 && dpkg --purge "$PKG" >/dev/null

if [ "${INSTALLER_TEST_DEPS:-}" = apt ]; then
  missing=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | awk '{print $1}' | grep . \
            | while read -r p; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
  if [ -n "$missing" ]; then
    echo "installing the package's dependencies: $missing"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
  fi
fi

# The system's XDG folders as they are before the package comes: the package must only add its menu entry,
# never make itself the default application (defaults.list, mimeapps.list), never redeclare MIME types
# freedesktop already defines (mime/packages), and leave these folders exactly like this after the purge.
xdg_state() {
  local d
  for d in /usr/share/applications /usr/local/share/applications /usr/share/desktop-directories \
           /usr/share/mime/packages; do
    if [ -d "$d" ]; then
      # menu entries another package's own files (dpkg -S knows them) are not ours to compare: on a shared
      # machine other installs may run meanwhile; ours is copied by postinst, so dpkg does not own it
      find "$d" -maxdepth 1 -mindepth 1 -printf '%p\n' | sort | while read -r f; do
        case "$f" in *.desktop) dpkg -S "$f" >/dev/null 2>&1 && continue ;; esac
        [ -f "$f" ] && echo "$f $(sha256sum < "$f" | cut -c1-16)" || echo "$f"
      done
      echo "$d/"
    else
      echo "$d (absent)"
    fi
  done
}
# Another program already the default for GeoJSON (as QGIS would be): it must stay the default. Planted
# only where the system has no defaults.list, and removed again at the end.
planted=
if [ ! -e /usr/share/applications/defaults.list ] && [ -d /usr/share/applications ]; then
  printf '[Default Applications]\napplication/geo+json=org.qgis.qgis.desktop\n' > /usr/share/applications/defaults.list
  planted=/usr/share/applications/defaults.list
  trap 'rm -f "$planted"' EXIT   # also when the test ends early (a failed dpkg -i)
fi
xdg_before=$(xdg_state)
defaults_state() { for f in /usr/share/applications/defaults.list /usr/local/share/applications/defaults.list \
                             /usr/share/applications/mimeapps.list /etc/xdg/mimeapps.list; do
                     [ -f "$f" ] && echo "$f $(sha256sum < "$f" | cut -c1-16)" || echo "$f (absent)"; done; }
defaults_before=$(defaults_state)

# ---- install ----------------------------------------------------------------------------------
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
if dpkg -i "$deb" > "$report/dpkg-install.log" 2>&1; then
  ok "dpkg -i"
else
  cat "$report/dpkg-install.log"; bad "dpkg -i"
  dpkg --purge "$PKG" >/dev/null 2>&1; finish
fi
check "launcher installed" test -x "$LAUNCHER"
check "database installed" test -f "$INSTALL_DIR/lib/app/assets/atlas.sqlite"
desktop=$(ls /usr/share/applications/*"$PKG"*.desktop 2>/dev/null | head -1)
check "menu entry in /usr/share/applications" test -n "$desktop"
[ -n "$desktop" ] && check "menu entry in category Education" grep -q '^Categories=.*Education' "$desktop"
[ -n "$desktop" ] && check "menu entry passes files (%F)" grep -q '^Exec=.* %F' "$desktop"
# GTK would load Mesa and LLVM (44 MB) looking for an OpenGL JavaFX never takes from it
[ -n "$desktop" ] && check "menu entry starts without GTK's OpenGL (GDK_GL=disable)" grep -q '^Exec=env GDK_GL=disable ' "$desktop"
[ -n "$desktop" ] && check "menu entry offers to open .kml and .geojson (MimeType=...; with its final ;)" \
  grep -qx 'MimeType=application/vnd.google-earth.kml+xml;application/geo+json;' "$desktop"
check "not made the default application for any file type (defaults.list, mimeapps.list unchanged)" \
  test "$(defaults_state)" = "$defaults_before"
check "no MIME types redeclared (freedesktop's shared-mime-info defines KML and GeoJSON)" \
  bash -c "! ls /usr/share/mime/packages/*$PKG* >/dev/null 2>&1"
if [ -f "$INSTALL_DIR/lib/app/atlas.classlist" ]; then
  check "AppCDS archive made by postinst" test -s "$INSTALL_DIR/lib/app/atlas.jsa"
fi
echo "installed size: $(du -sk "$INSTALL_DIR" | cut -f1) KiB in $INSTALL_DIR"

# ---- launch -----------------------------------------------------------------------------------
# A fresh HOME: we check that nothing is extracted there (JavaFX natives) at first start.
home=$(mktemp -d); tmpdir=$(mktemp -d)
cat > "$home/villages.geojson" <<'EOF'
{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Sokh"},
 "geometry":{"type":"Point","coordinates":[71.1,39.96]}}]}
EOF
start_xvfb || { bad "Xvfb"; finish; }
HOME="$home" XDG_RUNTIME_DIR="$home" JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$tmpdir" \
  "$LAUNCHER" "$home/villages.geojson" --timing > "$report/app.log" 2>&1 &
pid=$!
if wid=$(wait_window "$pid" 90); then
  ok "window appears (started with a .geojson file argument)"
  # --timing: the atlas prints "atlas-bench painted_ms=N" once every visible map tile is drawn
  for _ in $(seq 600); do grep -q 'painted_ms=' "$report/app.log" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  check "app logs the painted map ($(grep -o 'painted_ms=[0-9]*' "$report/app.log" | head -1))" grep -q 'painted_ms=' "$report/app.log"
  eval "$(xdotool getwindowgeometry --shell "$wid")"   # WIDTH HEIGHT X Y
  check "main window, not a dialog (${WIDTH}x${HEIGHT})" test "$WIDTH" -ge 800 -a "$HEIGHT" -ge 500
  shot="$report/installed-app.png"
  # "painted" is logged when the scene graph has every tile; the render thread may present that
  # frame to the X server a moment later, so look again for up to 10 s before calling it blank.
  colours=0
  for _ in $(seq 20); do
    import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$shot" 2>/dev/null
    colours=$(convert "$shot" -format '%k' info: 2>/dev/null || echo 0)
    [ "$colours" -ge 500 ] 2>/dev/null && break
    sleep 0.5
  done
  echo "screenshot: $shot ($colours colours)"
  check "window shows the map (>= 500 colours in the window, got $colours)" test "$colours" -ge 500
  check "still running after first paint" kill -0 "$pid"
  stop_app "$pid"
  check "closes" bash -c "! kill -0 $pid 2>/dev/null"
else
  bad "window appears"; stop_app "$pid"
fi
stop_xvfb
sed 's/^/  app: /' "$report/app.log" | tail -20
check "no JavaFX natives extracted into the user's home" test ! -e "$home/.openjfx"
check "no sqlite native extracted into java.io.tmpdir" bash -c "! ls '$tmpdir' | grep -q sqlite"
rm -rf "$home" "$tmpdir"

# ---- purge ------------------------------------------------------------------------------------
if dpkg --purge "$PKG" > "$report/dpkg-purge.log" 2>&1; then ok "dpkg --purge"; else cat "$report/dpkg-purge.log"; bad "dpkg --purge"; fi
check "nothing left in $INSTALL_DIR" test ! -e "$INSTALL_DIR"
check "menu entry removed" bash -c "! ls /usr/share/applications/*$PKG* >/dev/null 2>&1"
check "no default-application entries left" bash -c "! grep -qs '$PKG' /usr/share/applications/defaults.list /usr/share/applications/mimeapps.list"
xdg_after=$(xdg_state)
check "XDG folders exactly as before the install (no header-only defaults.list, no empty folders)" \
  test "$xdg_after" = "$xdg_before"
[ "$xdg_after" = "$xdg_before" ] || diff <(echo "$xdg_before") <(echo "$xdg_after") | sed 's/^/  xdg: /'
if [ -n "$planted" ]; then
  check "the other program is still the default for GeoJSON" grep -qx 'application/geo+json=org.qgis.qgis.desktop' "$planted"
  rm -f "$planted"
fi
finish
