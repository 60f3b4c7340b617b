#!/usr/bin/env bash
# bench/run.sh — the performance figures on THIS machine, the atlas next to KDE Marble (when installed) from one run,
# so that the ratios hold whatever the machine's load. What a user sees, at pixel level, under Xvfb (no GPU: Prism
# renders in software, as on many school PCs):
#   start   start to a stable screen and to the window appearing, median of RUNS (default 5) alternating: the installed
#           app image (target/installer/image, built by ./mvnw -Pinstaller package -DskipTests; its AppCDS archive is
#           dumped into a private copy as the package's postinst does), KDE Marble, and the README's ./run-atlas (from
#           this checkout, built once before, so the figure is the cost of running it again). Windows 1400x880, empty
#           caches and user folders per run. Stable = the last pixel change before STABLE_SECS (2) of calm.
#   rss     XDO_PAN_SECONDS (20) of scripted xdotool drags and wheel clicks on the map after the stable screen, the same
#           script for the atlas (image) and Marble: peak RSS of the main process (VmHWM) and of the process tree.
#   pan     the in-app tour (src/bench/java/.../Benchmark.java, --benchmark) at 1600x1000 for PAN_SECONDS (60) and at
#           2560x1440 for LARGE_PAN_SECONDS (30): frame interval (rendered frames) p50/p95/max, the FX-thread pulses,
#           peak RSS through the tour; the growth of frame cost with pixels.
#   tiles   tile render p50/p95 (JMH TileRenderBenchmark, zooms TILE_ZOOMS, default 6-14)
#   search  search latency p50/p99 (SearchBenchmark)
# The load average before and after each part is printed next to its figures. target/bench/summary.txt is a
# Markdown table (measure | atlas | Marble | ratio | goal | load) to paste into docs/benchmarks.md.
# Options (environment): RUNS, WARMUP (1 uncounted round first), STABLE_SECS, RECHECK_SECS (3: watch on after the
#   stable screen and report late changes), PAN_SECONDS, LARGE_PAN_SECONDS, XDO_PAN_SECONDS, RSS_RUNS (1),
#   ONLY=start,rss,pan,tiles,search (any of them), SKIP_MARBLE=1, SKIP_JMH=1, TILE_ZOOMS=6,9, PAN_APP=image|source
#   (what the in-app tour runs; default the image when built), MARKS=1 (the app's own start-up marks, --timing),
#   BENCH_NICE (-10 as root, 0 = off), BENCH_OUT (target/bench). About 9 minutes with the defaults.
# Needs Xvfb, xdotool and xwd (apt-get install -y xvfb xdotool x11-apps) for start, rss and pan; python3.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${BENCH_OUT:-target/bench}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
RUNS=${RUNS:-5}; STABLE_SECS=${STABLE_SECS:-2}; RECHECK_SECS=${RECHECK_SECS:-3}; RSS_RUNS=${RSS_RUNS:-1}
PAN_SECONDS=${PAN_SECONDS:-60}; LARGE_PAN_SECONDS=${LARGE_PAN_SECONDS:-30}; XDO_PAN_SECONDS=${XDO_PAN_SECONDS:-20}
TILE_ZOOMS=${TILE_ZOOMS:-6,7,8,9,10,11,12,13,14}
ONLY=${ONLY:-start,rss,pan,tiles,search}
[ "${SKIP_JMH:-0}" = 1 ] && ONLY=$(echo ",$ONLY," | sed 's/,tiles,/,/g; s/^,//; s/,$//')
want() { [[ ",$ONLY," == *",$1,"* ]]; }
T_BEGIN=$(date +%s)
rm -f "$OUT/meta.txt" "$OUT/load.txt" "$OUT/summary.txt"
meta() { echo "$1=$2" >> "$OUT/meta.txt"; }
load() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/'; }
LOAD_BEFORE=
begin() { LOAD_BEFORE=$(load); echo "== $1; load $LOAD_BEFORE"; }
finish() { local after; after=$(load); echo "$1=$LOAD_BEFORE → $after" >> "$OUT/load.txt"; echo "   load after: $after"; }

# As root, everything measured (both apps, and the X server that shows them) runs at a higher priority, so that
# other work on the machine disturbs it less; the summary says so.
NICE=(); [ "$(id -u)" = 0 ] && [ "${BENCH_NICE:--10}" != 0 ] && NICE=(nice -n "${BENCH_NICE:--10}")
meta nice "${NICE[*]:-not reniced}"

need_x=0; for p in start rss pan; do want $p && need_x=1; done
if [ $need_x = 1 ]; then
  missing=(); for t in Xvfb xdotool xwd python3; do command -v $t >/dev/null || missing+=("$t"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bench/run.sh: ${missing[*]} not installed: start, rss and pan need them (apt-get install -y xvfb xdotool x11-apps)" >&2
    ONLY=$(echo ",$ONLY," | sed 's/,start,/,/g; s/,rss,/,/g; s/,pan,/,/g; s/^,//; s/,$//')
  fi
fi

# ---- Marble ------------------------------------------------------------------------------------------------------
MARBLE=0
if [ "${SKIP_MARBLE:-0}" = 1 ]; then
  meta marble "Marble skipped (SKIP_MARBLE=1)"
elif command -v marble >/dev/null; then
  MARBLE=1
  meta marble "KDE Marble $(dpkg-query -W -f '${Version}' marble 2>/dev/null || echo '?')"
else
  meta marble "Marble not installed (apt-get install -y --no-install-recommends marble)"
  echo "   Marble not installed: its columns are skipped (apt-get install -y --no-install-recommends marble)"
fi

# ---- build ---------------------------------------------------------------------------------------------------------
echo "== building (test-compile) and resolving class paths"
./mvnw -q -B test-compile || { echo "bench/run.sh: the build failed" >&2; exit 1; }
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test-cp.txt" >/dev/null
./mvnw -q -B dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$OUT/runtime-cp.txt" >/dev/null
# a private copy of the classes: other builds in this tree must not swap them out mid-run
rm -rf "$OUT/classes" "$OUT/test-classes" "$OUT/bench-classes"
cp -r target/classes "$OUT/classes"; cp -r target/test-classes "$OUT/test-classes"
TEST_CP="$OUT/test-classes:$OUT/classes:$(cat "$OUT/test-cp.txt")"
APP_MP="$OUT/classes:$(cat "$OUT/runtime-cp.txt")"
# The benchmark drivers are compiled with the tests (src/bench/java) and never ship: for these runs they are patched
# into the app's own module, which the tour's toolkit hooks (frame tracker, end-of-pulse listener) are exported to.
mkdir -p "$OUT/bench-classes/org/ferganaatlas/gui/app"
cp "$OUT"/test-classes/org/ferganaatlas/gui/app/{Benchmark,Walkthrough}*.class "$OUT/bench-classes/org/ferganaatlas/gui/app/"
BENCH_JVM=("--patch-module=fergana.atlas=$OUT/bench-classes" "--add-exports=javafx.graphics/com.sun.javafx.perf=fergana.atlas"
           "--add-exports=javafx.graphics/com.sun.javafx.tk=fergana.atlas")
# The app's own JVM flags for a run from the sources, from the one place `./mvnw javafx:run` takes them (the
# javafx-maven-plugin <options> in pom.xml; installer/package.sh and run-atlas pass the same ones): the -X ones and
# the two that quieten the toolkit, not the development ones (assets folder, exit with Maven).
APP_FLAGS=()
while IFS= read -r f; do APP_FLAGS+=("$f"); done < <(sed -n '/<artifactId>javafx-maven-plugin<\/artifactId>/,/<\/plugin>/p' pom.xml \
  | sed -n '/<options>/,/<\/options>/s/.*<option>\(-[XD][^<]*\)<\/option>.*/\1/p' | grep -E '^-X|^-Djava\.awt\.headless=|^-Djavafx\.platform=')
[ ${#APP_FLAGS[@]} -gt 0 ] || { echo "bench/run.sh: no JVM options found in pom.xml (javafx-maven-plugin <options>)" >&2; exit 1; }
JAVA_BIN=$(command -v java)
meta jdk "$("$JAVA_BIN" -version 2>&1 | head -1 | tr -d '"')"

# ---- the installed app image --------------------------------------------------------------------------------------
IMG=
src_img=$(ls -d target/installer/image/*/ 2>/dev/null | head -1)
if ! want start && ! want rss && ! want pan; then
  :  # no part uses it
elif [ -n "$src_img" ]; then
  rm -rf "$OUT/image"; cp -a "$src_img" "$OUT/image"
  IMG=$(ls "$OUT"/image/bin/* | head -1)
  appdir="$OUT/image/lib/app"
  # AppCDS: the package's postinst dumps the archive where the app is installed (installer/linux/postinst), since the
  # JVM accepts it only for the module path it was dumped with; so the same here, in the copy.
  if [ -f "$appdir/atlas.classlist" ]; then
    "$OUT/image/lib/runtime/bin/java" -Xshare:dump -Xlog:cds=off -Xlog:cds+map=off -XX:SharedClassListFile="$appdir/atlas.classlist" \
      -XX:SharedArchiveFile="$appdir/atlas.jsa" --module-path "$appdir/mods" -m fergana.atlas/org.ferganaatlas.gui.app.Main \
      > "$OUT/cds-dump.log" 2>&1 || rm -f "$appdir/atlas.jsa"
  fi
  jar=$(ls "$appdir"/mods/fergana-border-atlas-*.jar 2>/dev/null | head -1)
  newer=$(find src/main assets/atlas.sqlite -newer "${jar:-$appdir}" -type f 2>/dev/null | head -3 | paste -sd' ' -)
  note="installed app image: $src_img, built $(date -u -r "${jar:-$appdir}" +%Y-%m-%dT%H:%MZ)"
  note+=", AppCDS archive $([ -f "$appdir/atlas.jsa" ] && echo "dumped as at install" || echo "NOT dumped (see cds-dump.log)")"
  [ -n "$newer" ] && note+=", OLDER than the sources ($newer …): rebuild it with ./mvnw -Pinstaller package -DskipTests"
  meta image "$IMG"; meta image_note "$note"; echo "   $note"
  meta jdk "$("$JAVA_BIN" -version 2>&1 | head -1 | tr -d '"') (image: jlinked runtime $("$OUT/image/lib/runtime/bin/java" -version 2>&1 | head -1 | tr -d '"'))"
else
  echo "   no app image in target/installer/image (./mvnw -Pinstaller package -DskipTests builds it): its figures are skipped"
  meta image_note "no installed app image (target/installer/image): its figures are skipped; build it with ./mvnw -Pinstaller package -DskipTests"
fi

# ---- X server --------------------------------------------------------------------------------------------------------
XVFB_PID=
stop_x() { if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; XVFB_PID=; fi; }
trap stop_x EXIT
start_x() {  # start_x WxH: a private Xvfb, DISPLAY set
  stop_x
  local d n
  for n in $(seq 91 130); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || { d=:$n; break; }; done
  "${NICE[@]}" Xvfb "$d" -screen 0 "${1}x24" -nolisten tcp -noreset >/dev/null 2>&1 & XVFB_PID=$!
  export DISPLAY=$d
  for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "bench/run.sh: Xvfb $d did not start" >&2; return 1
}
gpu="Prism software pipeline (no GPU render node)"; ls /dev/dri/renderD* >/dev/null 2>&1 && gpu="a GPU render node exists (/dev/dri): Prism may use ES2"
# The atlas opens at 88 % of a screen on a first start (logic.WindowBounds): 0.88 x 1591 = 1400, 0.88 x 1000 = 880,
# the size Marble is given in its settings.
START_SCREEN=1591x1000
meta display "Xvfb ${START_SCREEN}x24 for start and rss (windows 1400×880), 2560x1440x24 for the in-app tour; $gpu"

SCREEN=(python3 "$ROOT/bench/screen.py")
# empty user folders for one run of the atlas: HOME and the XDG folders (the installed launcher finds its data and
# cache there, logic in data.AtlasPaths), and the atlas's own overrides where a command line can take them
atlas_env() {
  local d=$1; mkdir -p "$d"/{home,config,data,cache,state}
  ENV=(--env "HOME=$d/home" --env "XDG_CONFIG_HOME=$d/config" --env "XDG_DATA_HOME=$d/data" --env "XDG_CACHE_HOME=$d/cache"
       --env "XDG_STATE_HOME=$d/state" --env "MAVEN_USER_HOME=${MAVEN_USER_HOME:-$HOME/.m2}"
       --env "ATLAS_JAVA_OPTIONS=-Datlas.cache=$d/cache/fergana-atlas -Datlas.userdata=$d/data/fergana-atlas"
       --env "GDK_GL=disable")  # as the menu entry starts the installed atlas (installer/linux/*.desktop), and run-atlas
}
marble_env() {  # a fresh home with the settings of bench/marble (window 1400x880 at 0,0, offline, SRTM map theme)
  local d=$1; mkdir -p "$d/.config/kde.org" "$d/.local/share" "$d/.cache"; mkdir -m 700 -p "$d/run"
  sed "s/^@SCREEN@ screen: /${START_SCREEN} screen: /" bench/marble/marblerc.in > "$d/.config/marblerc"
  cp bench/marble/marble.conf "$d/.config/kde.org/marble.conf"
  ENV=(--env "HOME=$d" --env "XDG_CONFIG_HOME=$d/.config" --env "XDG_DATA_HOME=$d/.local/share" --env "XDG_CACHE_HOME=$d/.cache"
       --env "XDG_RUNTIME_DIR=$d/run" --env QTWEBENGINE_DISABLE_SANDBOX=1)
}
MARBLE_CMD=(marble --latlon 40.4,71.0 --distance 400 --map earth/srtm/srtm.dgml)
ATLAS_MATCH="name:Fergana Border Atlas"
TIMING=(); [ "${MARKS:-0}" = 1 ] && TIMING=(--timing)
# drag and scroll in the map: the atlas's map fills the window right of its side panel, Marble's right of its docks
POINT=0.6,0.47
measure() {  # measure JSONL LABEL [screen.py options] -- COMMAND: one run, appended to JSONL and printed
  local jsonl=$1; shift
  "${NICE[@]}" "${SCREEN[@]}" --out "$(dirname "$jsonl")" "$@" >> "$jsonl"
  python3 bench/report.py line "$jsonl"
}

# ---- 1. start ------------------------------------------------------------------------------------------------------
if want start; then
  begin "1. start to stable screen, $RUNS runs, alternating (${START_SCREEN} Xvfb)"
  D="$OUT/start"; rm -rf "$D"; mkdir -p "$D"; J="$D/runs.jsonl"
  start_x "$START_SCREEN"
  # WARMUP rounds (default 1) first, not counted: the first start of each app after a while reads its libraries from
  # disk (Marble's first took 11 s to a stable screen, its next ones 1.2-3.5 s); the figures are for starts with the
  # files in the page cache.
  for i in $(seq 1 "${WARMUP:-1}"); do
    [ -n "$IMG" ] && { atlas_env "$D/warmup-image-$i"; measure "$D/warmup.jsonl" --label "warmup-image-$i" --match "$ATLAS_MATCH" --stable "$STABLE_SECS" "${ENV[@]}" -- "$IMG"; }
    [ $MARBLE = 1 ] && { marble_env "$D/warmup-marble-$i"; measure "$D/warmup.jsonl" --label "warmup-marble-$i" --match class:marble --close ctrlq --stable "$STABLE_SECS" "${ENV[@]}" -- "${MARBLE_CMD[@]}"; }
    atlas_env "$D/warmup-runatlas-$i"; measure "$D/warmup.jsonl" --label "warmup-runatlas-$i" --match "$ATLAS_MATCH" --stable "$STABLE_SECS" "${ENV[@]}" -- "$ROOT/run-atlas"
  done
  for i in $(seq 1 "$RUNS"); do
    if [ -n "$IMG" ]; then
      atlas_env "$D/image-$i"
      measure "$J" --label "image-$i" --match "$ATLAS_MATCH" --stable "$STABLE_SECS" --recheck "$RECHECK_SECS" "${ENV[@]}" -- "$IMG" "${TIMING[@]}"
    fi
    if [ $MARBLE = 1 ]; then
      marble_env "$D/marble-$i"
      measure "$J" --label "marble-$i" --match class:marble --close ctrlq --stable "$STABLE_SECS" --recheck "$RECHECK_SECS" "${ENV[@]}" -- "${MARBLE_CMD[@]}"
    fi
    atlas_env "$D/runatlas-$i"
    measure "$J" --label "runatlas-$i" --match "$ATLAS_MATCH" --stable "$STABLE_SECS" --recheck "$RECHECK_SECS" "${ENV[@]}" -- "$ROOT/run-atlas" "${TIMING[@]}"
  done
  meta runs "$RUNS"; meta recheck "$RECHECK_SECS"
  stop_x
  finish start
fi

# ---- 2. memory through the xdotool pan, atlas and Marble ---------------------------------------------------------------
if want rss; then
  begin "2. ${XDO_PAN_SECONDS} s of xdotool drag and scroll, peak RSS, atlas and Marble"
  D="$OUT/rss"; rm -rf "$D"; mkdir -p "$D"; J="$D/runs.jsonl"
  start_x "$START_SCREEN"
  if [ -n "$IMG" ]; then ACMD=("$IMG"); meta rss_app "installed app image"
  else ACMD=("$JAVA_BIN" "${APP_FLAGS[@]}" -Datlas.assets="$ROOT/assets" --module-path "$APP_MP" -m fergana.atlas/org.ferganaatlas.gui.app.Main)
       meta rss_app "the sources (module path), no app image"; fi
  for i in $(seq 1 "$RSS_RUNS"); do
    atlas_env "$D/atlas-$i"
    measure "$J" --label "atlas-$i" --match "$ATLAS_MATCH" --stable "$STABLE_SECS" --pan "$XDO_PAN_SECONDS" --point $POINT "${ENV[@]}" -- "${ACMD[@]}"
    if [ $MARBLE = 1 ]; then
      marble_env "$D/marble-$i"
      measure "$J" --label "marble-$i" --match class:marble --close ctrlq --stable "$STABLE_SECS" --pan "$XDO_PAN_SECONDS" --point $POINT "${ENV[@]}" -- "${MARBLE_CMD[@]}"
    fi
  done
  meta xdo_pan_seconds "$XDO_PAN_SECONDS"
  stop_x
  finish rss
fi

# ---- 3. the in-app pan/zoom tour at two sizes ------------------------------------------------------------------------
if want pan; then
  D="$OUT/pan"; rm -rf "$D"; mkdir -p "$D"
  PAN_APP=${PAN_APP:-$([ -n "$IMG" ] && echo image || echo source)}
  [ "$PAN_APP" = image ] && [ -z "$IMG" ] && PAN_APP=source
  if [ "$PAN_APP" = image ]; then
    meta pan_app "the in-app tour ran on the installed app image, the drivers patched in through JAVA_TOOL_OPTIONS (which turns its AppCDS archive off)"
  else
    meta pan_app "the in-app tour ran from the sources (module path, the app's JVM flags from pom.xml)"
  fi
  start_x 2560x1440
  for spec in "1600x1000:$PAN_SECONDS" "2560x1440:$LARGE_PAN_SECONDS"; do
    size=${spec%%:*}; secs=${spec#*:}
    begin "3. in-app pan/zoom tour, ${size}, ${secs} s ($PAN_APP)"
    atlas_env "$D/$size"
    props=("-Datlas.bench.seconds=$secs" "-Datlas.bench.size=$size")
    if [ "$PAN_APP" = image ]; then
      cmd=("$IMG" --benchmark); ENV+=(--env "JAVA_TOOL_OPTIONS=${BENCH_JVM[*]} ${props[*]}")
    else
      cmd=("$JAVA_BIN" "${APP_FLAGS[@]}" "${BENCH_JVM[@]}" "${props[@]}" -Datlas.assets="$ROOT/assets"
           -Datlas.cache="$D/$size/cache/fergana-atlas" -Datlas.userdata="$D/$size/data/fergana-atlas"
           --module-path "$APP_MP" -m fergana.atlas/org.ferganaatlas.gui.app.Main --benchmark)
    fi
    measure "$D/$size.jsonl" --label "tour-$size" --match "$ATLAS_MATCH" --stable 0 --wait-exit $((secs + 120)) "${ENV[@]}" -- "${cmd[@]}"
    finish "pan-$size"
  done
  stop_x
fi

# ---- 4. tile render (JMH) ----------------------------------------------------------------------------------------------
if want tiles; then
  begin "4. tile render (JMH, zooms $TILE_ZOOMS)"
  D="$OUT/tiles"; rm -rf "$D"; mkdir -p "$D"
  "${NICE[@]}" "$JAVA_BIN" -cp "$TEST_CP" org.openjdk.jmh.Main TileRenderBenchmark -p zoom="$TILE_ZOOMS" \
      -jvmArgsAppend "-Datlas.db=assets/atlas.sqlite" -rf json -rff "$D/tiles.json" > "$D/tiles.log" 2>&1
  TILES=$(python3 - "$D/tiles.json" <<'PY' 2>/dev/null
import json, sys
allv, worst = [], None
for r in json.load(open(sys.argv[1])):
    vals = sorted(v for fork in r["primaryMetric"]["rawDataHistogram"] for it in fork for v, n in it for _ in range(int(n)))
    q = lambda p: vals[min(len(vals) - 1, int(p * len(vals)))]
    if worst is None or q(.95) > worst[2]:
        worst = (r["params"]["zoom"], q(.5), q(.95))
    allv += vals
allv.sort()
q = lambda p: allv[min(len(allv) - 1, int(p * len(allv)))]
print("%.2f / %.2f ms (%d samples; worst zoom %s: %.2f / %.2f ms)" % (q(.5), q(.95), len(allv), *worst))
PY
)
  if [ -n "$TILES" ]; then
    echo "   tiles p50 / p95: $TILES"
    meta tiles "$TILES"; meta tile_zooms "$TILE_ZOOMS"
    p95=$(echo "$TILES" | sed 's#^[0-9.]* / \([0-9.]*\) ms.*#\1#')
    meta tiles_goal "p95 ≤ 10 ms: $(awk -v v="$p95" 'BEGIN { print (v <= 10) ? "met" : "not met" }')"
  else
    echo "   tiles: failed (see $D/tiles.log)"
  fi
  finish tiles
fi

# ---- 5. search ------------------------------------------------------------------------------------------------------
if want search; then
  begin "5. search"
  D="$OUT/search"; rm -rf "$D"; mkdir -p "$D"
  "${NICE[@]}" "$JAVA_BIN" -cp "$TEST_CP" org.ferganaatlas.bench.SearchBenchmark assets/atlas.sqlite > "$D/search.log" 2>&1
  all=$(sed -n 's/^search latency (limit 20): p50 \([0-9.]*\) ms, p90 [0-9.]* ms, p99 \([0-9.]*\) ms.*/\1 \/ \2/p' "$D/search.log")
  perq=$(sed -n 's/^per-query median latency: p50 \([0-9.]*\) ms, p99 \([0-9.]*\) ms.*/\1 \/ \2/p' "$D/search.log")
  if [ -n "$all" ]; then
    echo "   search p50 / p99: $all ms (each query's median over the rounds: $perq ms)"
    meta search "$all ms (each query's median over 10 rounds: $perq ms)"
    p99=${all#* / }
    meta search_goal "p99 ≤ 5 ms: $(awk -v v="$p99" 'BEGIN { print (v <= 5) ? "met" : "not met" }')"
  else
    echo "   search: failed (see $D/search.log)"
  fi
  finish search
fi

T_END=$(date +%s)
meta date "$(date -u +%Y-%m-%dT%H:%MZ)"
meta cores "$(nproc)"
meta duration "$(( (T_END - T_BEGIN) / 60 )) min $(( (T_END - T_BEGIN) % 60 )) s"
echo "== summary ($OUT/summary.txt; screenshots of each stable screen: $OUT/*/*_stable.png)"
python3 bench/report.py summary "$OUT"
echo "bench/run.sh took $(( (T_END - T_BEGIN) / 60 )) min $(( (T_END - T_BEGIN) % 60 )) s"
