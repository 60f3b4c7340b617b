#!/usr/bin/env bash
# startup-bench.sh [RUNS] : start-up time of the INSTALLED atlas (dpkg -i the .deb first), under Xvfb.
# For each class-data-sharing mode, one warm-up start, then RUNS starts (default 5); each start is
# timed from the launcher's exec to (a) its window being visible and (b) the atlas printing
# "atlas-bench painted_ms" (--timing: every visible map tile drawn), plus (c) the CPU time the process
# used until then, which other load on the machine disturbs less than wall time. As root, the atlas
# and Xvfb run at nice -15 so that builds running beside the benchmark disturb it less.
# Prints the medians.
#   app   as installed: the AppCDS archive the postinst dumped (lib/app/atlas.jsa)
#   base  an archive of the JDK's default class list only (swapped in for atlas.jsa during the run)
#   off   no CDS at all (JAVA_TOOL_OPTIONS=-Xshare:off)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-5}
PKG=fergana-border-atlas
app=/opt/$PKG/lib/app
launcher=/opt/$PKG/bin/$PKG
[ -x "$launcher" ] || { echo "install the package first" >&2; exit 1; }
. "$here/xlib.sh"
home=$(mktemp -d)
cleanup() { stop_xvfb; [ -f "$app/atlas.jsa.bench" ] && mv -f "$app/atlas.jsa.bench" "$app/atlas.jsa"; rm -rf "$home"; }
trap cleanup EXIT
start_xvfb
[ "$(id -u)" = 0 ] && renice -n "${BENCH_NICE:--15}" -p "$XVFB_PID" >/dev/null

now_ms() { date +%s%3N; }
nice_cmd=(); [ "$(id -u)" = 0 ] && nice_cmd=(nice -n "${BENCH_NICE:--15}")
tick=$(getconf CLK_TCK)
one_start() {   # prints "window_ms painted_ms cpu_ms"
  local log="$home/log" t0 pid w_ms= p_ms= cpu_ms
  : > "$log"
  t0=$(now_ms)
  HOME="$home" "${nice_cmd[@]}" "$launcher" --timing > "$log" 2>&1 &
  pid=$!
  while [ -z "$p_ms" ]; do
    if [ -z "$w_ms" ] && xdotool search --onlyvisible --name "$WINDOW_TITLE" >/dev/null 2>&1; then w_ms=$(( $(now_ms) - t0 )); fi
    if grep -q 'painted_ms=' "$log"; then
      p_ms=$(( $(now_ms) - t0 ))
      cpu_ms=$(awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
    fi
    kill -0 "$pid" 2>/dev/null || { echo "atlas exited early:" >&2; cat "$log" >&2; return 1; }
    [ $(( $(now_ms) - t0 )) -lt 120000 ] || { echo "timeout" >&2; return 1; }
    sleep 0.01
  done
  [ -n "$w_ms" ] || w_ms=$p_ms
  stop_app "$pid"
  echo "$w_ms $p_ms $cpu_ms"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Modes interleaved (off, base, app, off, ...), so that load from other processes spreads evenly.
set_mode() {
  unset JAVA_TOOL_OPTIONS
  [ -f "$app/atlas.jsa.bench" ] && mv -f "$app/atlas.jsa.bench" "$app/atlas.jsa"
  case $1 in
    off) export JAVA_TOOL_OPTIONS=-Xshare:off ;;
    base) cp "$app/atlas.jsa" "$app/atlas.jsa.bench"; cp "$home/base.jsa" "$app/atlas.jsa" ;;
    app) [ -s "$app/atlas.jsa" ] || { echo "no $app/atlas.jsa" >&2; exit 1; } ;;
  esac
}
modes=${BENCH_MODES:-off base app}
# base: the JDK's default class list only (what jlink --generate-cds-archive would ship)
/opt/$PKG/lib/runtime/bin/java -Xshare:dump -XX:SharedArchiveFile="$home/base.jsa" >/dev/null
for mode in $modes; do set_mode "$mode"; one_start >/dev/null; : > "$home/times.$mode"; done   # warm-up
for _ in $(seq "$runs"); do
  for mode in $modes; do set_mode "$mode"; one_start >> "$home/times.$mode"; done
done
set_mode app
for mode in $modes; do
  col() { cut -d' ' -f"$1" "$home/times.$mode"; }
  echo "cds=$mode window_ms_median=$(col 1 | median) painted_ms_median=$(col 2 | median) cpu_ms_median=$(col 3 | median)" \
       "(window: $(col 1 | paste -sd/ -); painted: $(col 2 | paste -sd/ -); cpu: $(col 3 | paste -sd/ -))"
done
