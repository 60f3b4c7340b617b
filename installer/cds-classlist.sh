#!/usr/bin/env bash
# cds-classlist.sh LAUNCHER OUT: starts the packaged launcher once under Xvfb with
# -XX:DumpLoadedClassList, waits for the window and its first frames, closes it, and writes the
# loaded classes to OUT (input for the AppCDS dump the package's postinst does).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
launcher=$1 out=$2
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "cds-classlist: needs Xvfb and xdotool" >&2; exit 1; }
. "$here/test/xlib.sh"
tmp=$(mktemp -d); trap 'stop_xvfb; rm -rf "$tmp"' EXIT
start_xvfb
HOME="$tmp" JAVA_TOOL_OPTIONS="-Xshare:off -XX:DumpLoadedClassList=$tmp/classlist" "$launcher" >"$tmp/log" 2>&1 &
pid=$!
if ! wait_window "$pid" 60 >/dev/null; then cat "$tmp/log" >&2; exit 1; fi
sleep "${CDS_SETTLE_SECONDS:-3}"   # first paint, first tiles
stop_app "$pid"
# lambda-form/hidden-class lines ("@lambda-proxy", "@lambda-form-invoker") are fine for JDK 17's
# -Xshare:dump; keep everything the JVM wrote.
[ -s "$tmp/classlist" ] || { echo "cds-classlist: empty class list" >&2; cat "$tmp/log" >&2; exit 1; }
cp "$tmp/classlist" "$out"
