#!/usr/bin/env bash
# bench/run.sh — the numbers of issue 6 ("Numbers we stand behind") on THIS machine, in one go:
#   1. cold start to a fully painted map: RUNS starts (default 5) with an empty tile cache, median
#   2. a scripted pan and zoom across the valley for PAN_SECONDS (default 60): longest pulse (FX-thread
#      layout work per pulse, and the longest frame interval incl. rendering), peak RSS (VmHWM)
#   3. tile render time p50/p95 (JMH TileRenderBenchmark, zooms 6-14; TILE_ZOOMS=6,9 to restrict)
#   4. search latency p50/p99 (SearchBenchmark, 300 queries x 10 rounds)
# Prints a summary (also in target/bench/summary.txt) to copy into docs/benchmarks.md with the date.
# Display: Xvfb if installed (the app on the module path, as shipped), else $DISPLAY, else Monocle headless.
# Run it on a quiet machine: the load average is printed next to the figures. About 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${BENCH_OUT:-target/bench}
RUNS=${RUNS:-5}
PAN_SECONDS=${PAN_SECONDS:-60}
TILE_ZOOMS=${TILE_ZOOMS:-6,7,8,9,10,11,12,13,14}
rm -rf "$OUT"; mkdir -p "$OUT"

echo "== building (test-compile) and resolving class paths"
./mvnw -q -B test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-cp.txt" >/dev/null
TEST_CP="target/test-classes:target/classes:$(cat "$OUT/test-cp.txt")"
# the app's runtime modules only (as docs/benchmarks.md always measured it)
# (the runtime scope as Maven resolves it, so a new dependency is never forgotten here)
./mvnw -q -B dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$OUT/runtime-cp.txt" >/dev/null
APP_MP="target/classes:$(cat "$OUT/runtime-cp.txt")"
# a private copy of the classes: other builds in this tree must not swap them out mid-run
cp -r target/classes "$OUT/classes"; cp -r target/test-classes "$OUT/test-classes"
TEST_CP="${TEST_CP//target\/test-classes/$OUT/test-classes}"; TEST_CP="${TEST_CP//target\/classes/$OUT/classes}"
APP_MP="${APP_MP//target\/classes/$OUT/classes}"
# The benchmark and walkthrough drivers are compiled with the tests (src/bench/java) and never ship: on the module
# path they are patched into the app's own module for these runs only.
mkdir -p "$OUT/bench-classes/org/ferganaatlas/gui/app"
cp "$OUT"/test-classes/org/ferganaatlas/gui/app/{Benchmark,Walkthrough}*.class "$OUT/bench-classes/org/ferganaatlas/gui/app/"
PATCH=(--patch-module "fergana.atlas=$OUT/bench-classes")

# The app's own JVM flags, read from the one place `./mvnw javafx:run` takes them (the javafx-maven-plugin <options> in
# pom.xml; installer/package.sh passes the same ones): -XX/-X options only, the -D ones are set per run below.
APP_FLAGS=()
while IFS= read -r f; do APP_FLAGS+=("$f"); done < <(sed -n '/<artifactId>javafx-maven-plugin<\/artifactId>/,/<\/plugin>/p' pom.xml \
  | sed -n '/<options>/,/<\/options>/s/.*<option>\(-X[^<]*\)<\/option>.*/\1/p')
[ ${#APP_FLAGS[@]} -gt 0 ] || { echo "bench/run.sh: no JVM options found in pom.xml (javafx-maven-plugin <options>)" >&2; exit 1; }
for f in "${APP_FLAGS[@]}"; do
  grep -qF -- "$f" installer/package.sh || echo "  warning: $f (pom.xml) is not in installer/package.sh: the installed app runs differently" >&2
done
echo "   app JVM flags (pom.xml javafx-maven-plugin <options>): ${APP_FLAGS[*]}"

# As root, everything measured runs at a higher priority (BENCH_NICE, default -10; 0 = off) so that other
# builds on the machine disturb it less; the summary says so.
NICE=(); [ "$(id -u)" = 0 ] && [ "${BENCH_NICE:--10}" != 0 ] && NICE=(nice -n "${BENCH_NICE:--10}")
JAVA_BIN=$(command -v java)
java() { "${NICE[@]}" "$JAVA_BIN" "$@"; }
XVFB_PID=
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true; }
trap cleanup EXIT
if command -v Xvfb >/dev/null; then
  for n in $(seq 91 120); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { DISP=:$n; break; }; done
  "${NICE[@]}" Xvfb "$DISP" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 & XVFB_PID=$!
  export DISPLAY=$DISP; sleep 1
  DISPLAY_MODE="Xvfb $DISP (Prism software pipeline)"
  app() { java "${APP_FLAGS[@]}" --module-path "$APP_MP" "${PATCH[@]}" "$@" -m fergana.atlas/org.ferganaatlas.gui.app.AtlasApp "${ARGS[@]}"; }
elif [ -n "${DISPLAY:-}" ]; then
  DISPLAY_MODE="display $DISPLAY"
  app() { java "${APP_FLAGS[@]}" --module-path "$APP_MP" "${PATCH[@]}" "$@" -m fergana.atlas/org.ferganaatlas.gui.app.AtlasApp "${ARGS[@]}"; }
else
  DISPLAY_MODE="Monocle headless, class path (no X server: figures are indicative only)"
  app() { java "${APP_FLAGS[@]}" -cp "$TEST_CP" --add-exports javafx.base/com.sun.javafx.logging=ALL-UNNAMED \
      --add-opens javafx.graphics/com.sun.glass.ui=ALL-UNNAMED -Dglass.platform=Monocle -Dmonocle.platform=Headless \
      -Dheadless.geometry=1600x1000-32 -Dprism.order=sw "$@" org.ferganaatlas.offline.ClassPathLauncher "${ARGS[@]}"; }
fi
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "== 1. cold start to fully painted map, $RUNS runs ($DISPLAY_MODE); load $(load)"
: > "$OUT/painted.txt"
for i in $(seq 1 "$RUNS"); do
  ARGS=(--timing)
  t0=$(date +%s%3N)
  app -Datlas.t0="$t0" -Datlas.assets=assets -Datlas.cache="$OUT/cache-$i" -Datlas.userdata="$OUT/user" \
      -Datlas.bench.exit=true > "$OUT/start-$i.log" 2>&1 || true
  ms=$(sed -n 's/^atlas-bench painted_ms=//p' "$OUT/start-$i.log" | head -1)
  marks=$(grep -o 'mark [a-z_]*=[0-9]*' "$OUT/start-$i.log" | sed 's/mark //' | paste -sd' ' - || true)
  sum=$(sed -n 's/^atlas-bench checksum_ms=//p' "$OUT/start-$i.log" | head -1)
  [ -n "$ms" ] || { echo "  run $i failed:"; tail -5 "$OUT/start-$i.log" | sed 's/^/    /'; }
  echo "  run $i: painted ${ms:-FAILED} ms  ($marks; checksum thread ${sum:-?} ms)"
  [ -n "$ms" ] && echo "$ms" >> "$OUT/painted.txt"
done
PAINTED=$(median < "$OUT/painted.txt")

echo "== 2. scripted pan and zoom for $PAN_SECONDS s; load $(load)"
ARGS=(--benchmark)
app -Datlas.assets=assets -Datlas.cache="$OUT/cache-pan" -Datlas.userdata="$OUT/user" -Datlas.bench.seconds="$PAN_SECONDS" \
    > "$OUT/pan.log" 2>&1 || true
val() { sed -n "s/^atlas-bench $1=//p" "$OUT/pan.log" | head -1; }
echo "  pulses $(val pulses), layout max $(val layout_max_ms) ms (p95 $(val layout_p95_ms)), frame max $(val frame_max_ms) ms (p95 $(val frame_p95_ms)), peak RSS $(val peak_rss_mb) MB"

echo "== 3. tile render (JMH, zooms $TILE_ZOOMS); load $(load)"
java -cp "$TEST_CP" org.openjdk.jmh.Main TileRenderBenchmark -p zoom="$TILE_ZOOMS" \
    -jvmArgsAppend "-Datlas.db=assets/atlas.sqlite" -rf json -rff "$OUT/tiles.json" > "$OUT/tiles.log" 2>&1 || true
TILES=$(python3 - "$OUT/tiles.json" <<'PY' 2>/dev/null || echo "tiles: failed (see target/bench/tiles.log)"
import json, sys
runs = json.load(open(sys.argv[1]))
allv = []
per = []
for r in runs:
    z = r["params"]["zoom"]; vals = []
    for fork in r["primaryMetric"]["rawDataHistogram"]:
        for it in fork:
            for v, n in it:
                vals += [v] * int(n)
    vals.sort(); allv += vals
    q = lambda p: vals[min(len(vals) - 1, int(p * len(vals)))]
    per.append("z%s %.2f/%.2f" % (z, q(.5), q(.95)))
allv.sort()
q = lambda p: allv[min(len(allv) - 1, int(p * len(allv)))]
print("tiles: all zooms p50 %.2f ms, p95 %.2f ms (%d samples); per zoom p50/p95 ms: %s" % (q(.5), q(.95), len(allv), ", ".join(per)))
PY
)
echo "  $TILES"

echo "== 4. search; load $(load)"
java -cp "$TEST_CP" org.ferganaatlas.bench.SearchBenchmark assets/atlas.sqlite > "$OUT/search.log" 2>&1 || true
SEARCH=$(grep -E '^search latency|^per-query median' "$OUT/search.log" || echo "search: failed (see $OUT/search.log)")
echo "$SEARCH" | sed 's/^/  /'

{
  echo "bench/run.sh on $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $("$JAVA_BIN" -version 2>&1 | head -1), $DISPLAY_MODE, ${NICE[*]:-no nice}, load after: $(load)"
  echo "app JVM flags (as javafx:run and the installer): ${APP_FLAGS[*]}"
  echo "cold start to painted map, median of $RUNS: $PAINTED ms (runs: $(paste -sd' ' "$OUT/painted.txt"))   target <= 1200 ms"
  echo "pan/zoom $PAN_SECONDS s: longest pulse (FX layout) $(val layout_max_ms) ms, p95 $(val layout_p95_ms) ms; longest frame $(val frame_max_ms) ms   target <= 16 ms"
  echo "peak RSS during it: $(val peak_rss_mb) MB   target <= 250 MB"
  echo "$TILES   target p95 <= 10 ms"
  echo "$SEARCH   target p99 <= 5 ms"
} | tee "$OUT/summary.txt"
