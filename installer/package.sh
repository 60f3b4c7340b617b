#!/usr/bin/env bash
# Builds the native installer(s) for the platform it runs on. Called by `./mvnw -Pinstaller package`
# (see the "installer" profile in pom.xml), which passes everything it needs as environment variables:
#   APP_NAME APP_VERSION APP_DESCRIPTION APP_VENDOR APP_MAINTAINER APP_MAIN_MODULE APP_MAIN_CLASS
#   APP_JAR DEPS_DIR ASSETS_DIR WORK_DIR LICENSE_FILE JDK_HOME  [MAC_APP_VERSION] [INSTALLER_TYPES]
#
# Steps (docs/installer.md says why for each):
#   1. stage: JavaFX's platform jars -> jfx/, every other runtime jar + ours -> mods/
#   2. jlink the JDK modules + JavaFX into runtime/ (jts-core and GeographicLib are automatic modules
#      and cannot be jlinked); JavaFX's native libraries go to runtime/lib/ instead of staying in the
#      jimage, so nothing is extracted into the user's home at first start and the .deb's
#      dependencies are computed from them
#   3. jpackage --type app-image --runtime-image runtime --module-path mods, then add assets/ and the
#      AppCDS class list to the image
#   4. jpackage --app-image ... --type deb (and rpm where rpmbuild exists) / msi / dmg
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

: "${APP_NAME:?}" "${APP_VERSION:?}" "${APP_DESCRIPTION:?}" "${APP_VENDOR:?}" "${APP_MAIN_MODULE:?}"
: "${APP_MAIN_CLASS:?}" "${APP_JAR:?}" "${DEPS_DIR:?}" "${ASSETS_DIR:?}" "${WORK_DIR:?}" "${LICENSE_FILE:?}"
JDK_HOME=${JDK_HOME:-${JAVA_HOME:-}}
[ -n "$JDK_HOME" ] || { echo "JDK_HOME/JAVA_HOME not set" >&2; exit 1; }
jlink="$JDK_HOME/bin/jlink"; jpackage="$JDK_HOME/bin/jpackage"; jdeps="$JDK_HOME/bin/jdeps"
java="$JDK_HOME/bin/java"
PKG=fergana-border-atlas            # package, launcher and install-dir name on Linux
export LC_ALL=C

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=win ;;
  *) echo "unsupported OS $(uname -s)" >&2; exit 1 ;;
esac
log() { echo "[installer] $*"; }

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR"/{jfx,mods,out}
jfx="$WORK_DIR/jfx"; mods="$WORK_DIR/mods"; runtime="$WORK_DIR/runtime"; out="$WORK_DIR/out"

# ---- 1. stage the jars ------------------------------------------------------------------------
for j in "$DEPS_DIR"/*.jar; do
  b=$(basename "$j")
  case "$b" in
    javafx-*-[0-9]*.[0-9]*-*.jar) cp "$j" "$jfx/" ;;   # javafx-graphics-21.0.12-linux.jar: the real module
    javafx-*.jar) ;;                                   # javafx-graphics-21.0.12.jar: empty placeholder
    *) cp "$j" "$mods/" ;;
  esac
done
cp "$APP_JAR" "$mods/"
ls "$jfx"/javafx-graphics-*.jar >/dev/null || { echo "no platform JavaFX jars in $DEPS_DIR" >&2; exit 1; }

# sqlite-jdbc carries its native library for 20-odd OS/CPU pairs (~11 MB) and extracts the one it
# needs into java.io.tmpdir at every start. Ship only this platform's, next to the runtime's own
# libraries, and point sqlite-jdbc at it (org.sqlite.lib.path in the launcher options below).
sqlite_native_opts=()
sqlite_jar=$(ls "$mods"/sqlite-jdbc-*.jar 2>/dev/null | head -1 || true)
if [ -n "$sqlite_jar" ] && [ "$os" = linux ] && command -v python3 >/dev/null; then
  case "$(uname -m)" in x86_64) arch=x86_64 ;; aarch64|arm64) arch=aarch64 ;; *) arch=$(uname -m) ;; esac
  python3 - "$sqlite_jar" "Linux/$arch/libsqlitejdbc.so" "$WORK_DIR/libsqlitejdbc.so" <<'EOF'
import sys, zipfile, os
jar, keep, dest = sys.argv[1:]
src = zipfile.ZipFile(jar)
with open(dest, 'wb') as f:
    f.write(src.read('org/sqlite/native/' + keep))
tmp = jar + '.tmp'
with zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        if info.filename.startswith('org/sqlite/native/') and not info.filename.endswith('/'):
            continue
        dst.writestr(info, src.read(info.filename))
src.close()
os.replace(tmp, jar)
EOF
  sqlite_native_opts=(--java-options "-Dorg.sqlite.lib.path=\$APPDIR/../runtime/lib"
                      --java-options "-Dorg.sqlite.lib.name=libsqlitejdbc.so")
fi

# ---- 2. jlink the runtime ---------------------------------------------------------------------
# JDK modules: what our jars use (jdeps, incl. the automatic modules), plus
#   jdk.localedata  ru/ky/tg/uz number and date formats (the UI languages to come), trimmed below
#   jdk.unsupported needed by javafx.graphics
jdk_mods=$("$jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
             --module-path "$jfx" "$mods"/*.jar 2>/dev/null || true)
# ... and what the modular jars' descriptors require (jdeps reports class references only; e.g.
# sqlite-jdbc "requires transitive java.sql.rowset")
for j in "$mods"/*.jar; do
  for m in $("$JDK_HOME/bin/jar" --describe-module --file "$j" --release 17 2>/dev/null \
             | awk '$1 == "requires" && $0 !~ / static/ { print $2 }' | grep -E '^(java|jdk)\.' || true); do
    jdk_mods="$jdk_mods,$m"
  done
done
jdk_mods=$(echo "$jdk_mods" | tr ',' '\n' | grep . | sort -u | paste -sd, -)
modules="$jdk_mods,jdk.unsupported,jdk.localedata,javafx.base,javafx.graphics,javafx.controls"
log "jlink modules: $modules"
# Windows: jlink is a Windows program, so Windows paths and ';' (Git Bash converts lone paths only)
if [ $os = win ]; then jlink_mp="$(cygpath -m "$JDK_HOME/jmods");$(cygpath -m "$jfx")"; else jlink_mp="$JDK_HOME/jmods:$jfx"; fi
"$jlink" --module-path "$jlink_mp" --add-modules "$modules" \
  --include-locales=en,ru,ky,tg,uz \
  --exclude-resources='/javafx.graphics/*.so,/javafx.graphics/*.dll,/javafx.graphics/*.dylib' \
  --strip-debug --no-header-files --no-man-pages ${INSTALLER_JLINK_COMPRESS:+--compress=$INSTALLER_JLINK_COMPRESS} \
  --output "$runtime"

# JavaFX natives out of the jar, into the runtime's native library directory.
case $os in linux) nat='*.so'; natdir=lib ;; mac) nat='*.dylib'; natdir=lib ;; win) nat='*.dll'; natdir=bin ;; esac
for j in "$jfx"/*.jar; do   # jar, not unzip: also there on Windows (Git Bash) and macOS
  names=$("$JDK_HOME/bin/jar" tf "$j" | grep -E "^[^/]*${nat#\*}\$" || true)
  [ -z "$names" ] || (cd "$runtime/$natdir" && "$JDK_HOME/bin/jar" xf "$j" $names)
done
# java.desktop's splash screen and sound libraries are never loaded by the atlas, but their links to
# libgif/libasound would become package dependencies.
[ $os = linux ] && rm -f "$runtime/lib/libsplashscreen.so" "$runtime/lib/libjsound.so"
[ -f "$WORK_DIR/libsqlitejdbc.so" ] && cp "$WORK_DIR/libsqlitejdbc.so" "$runtime/lib/"
log "native libraries: $(cd "$runtime/$natdir" && ls $nat | tr '\n' ' ')"

# No base CDS archive (jlink --generate-cds-archive): measured no faster than none for the atlas
# (docs/installer.md), and 12 MB. The app's own archive is made at install time (see below).

# ---- 3. the application image -----------------------------------------------------------------
common=(--name "$([ $os = linux ] && echo $PKG || echo "$APP_NAME")"
        --app-version "$APP_VERSION" --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION"
        --copyright "Copyright 2026 the Fergana Border Atlas authors")
jopts=(--java-options "-Datlas.assets=\$APPDIR/assets" "${sqlite_native_opts[@]}")
# Start-up and memory (docs/benchmarks.md; pom.xml's javafx-maven-plugin options say why each): C1 only, G1 in a
# bounded heap, soft references dropped soon.
jopts+=(--java-options "-XX:TieredStopAtLevel=1" --java-options "-XX:+UseG1GC" --java-options "-Xmx192m"
       --java-options "-XX:SoftRefLRUPolicyMSPerMB=10")
# A quiet terminal (pom.xml's javafx-maven-plugin options say the same): java.awt.headless, since the atlas uses
# Java2D only off screen (tiles) and AWT's X11 start-up is what makes GTK print "Gdk-WARNING: XSetErrorHandler()
# called with a GDK error trap pushed" (JDK-8156779); javafx.platform=desktop, or Gluon's attach util logs
# "INFO: javafx.platform is not defined. Desktop will be assumed by default." at every start.
jopts+=(--java-options "-Djava.awt.headless=true" --java-options "-Djavafx.platform=desktop")
# AppCDS (Linux): the archive the postinst dumps; if it is missing or stale the JVM (-Xshare:auto)
# starts without it, and -Xlog:cds=off keeps that quiet.
[ $os = linux ] && jopts+=(--java-options "-XX:SharedArchiveFile=\$APPDIR/atlas.jsa"
                           --java-options "-Xshare:auto" --java-options "-Xlog:cds=off,cds+dynamic=off")
case $os in
  linux) icon="$here/icons/atlas.png" ;;
  win)   icon="$here/icons/atlas.ico" ;;
  mac)   icon="$here/icons/atlas.icns" ;;
esac
rm -rf "$WORK_DIR/image"
"$jpackage" --type app-image --dest "$WORK_DIR/image" "${common[@]}" \
  --runtime-image "$runtime" --module-path "$mods" --module "$APP_MAIN_MODULE/$APP_MAIN_CLASS" \
  --icon "$icon" "${jopts[@]}"
image=$(ls -d "$WORK_DIR/image"/*)
case $os in mac) appdir="$image/Contents/app" ;; *) appdir=$( [ $os = linux ] && echo "$image/lib/app" || echo "$image/app") ;; esac

# The bundled database. The rest of assets/ (curated CSVs, source manifests) are inputs of the
# database build, not read by the app, so they do not ship.
mkdir -p "$appdir/assets"
if [ -f "$ASSETS_DIR/atlas.sqlite" ]; then
  cp "$ASSETS_DIR/atlas.sqlite" "$appdir/assets/"
  # issue 6: the checksum the app verifies at start (an altered copy gets a clear message, not odd maps)
  [ -f "$ASSETS_DIR/atlas.sqlite.sha256" ] && cp "$ASSETS_DIR/atlas.sqlite.sha256" "$appdir/assets/"
else
  log "warning: $ASSETS_DIR/atlas.sqlite does not exist; the package will have no database"
fi
cp "$LICENSE_FILE" "$appdir/"; [ -f "$(dirname "$LICENSE_FILE")/NOTICE" ] && cp "$(dirname "$LICENSE_FILE")/NOTICE" "$appdir/"

# AppCDS class list: the classes loaded from start to the first frame, recorded by starting the
# image once under Xvfb (installer/cds-classlist.sh). The archive itself can only be dumped where
# the app is installed (JDK 17's CDS checks the module path's absolute location), so the package's
# post-install script turns this list into $APPDIR/atlas.jsa. No Xvfb, no list: the base archive
# made above still applies.
if [ $os = linux ] && [ "${INSTALLER_CDS:-true}" = true ]; then
  if bash "$here/cds-classlist.sh" "$image/bin/$PKG" "$WORK_DIR/atlas.classlist"; then
    cp "$WORK_DIR/atlas.classlist" "$appdir/atlas.classlist"
    log "AppCDS class list: $(wc -l < "$appdir/atlas.classlist") classes"
  else
    log "warning: no AppCDS class list (see above); the package uses the base CDS archive only"
  fi
fi

# ---- 4. the installers ------------------------------------------------------------------------
types=${INSTALLER_TYPES:-}
if [ -z "$types" ]; then
  case $os in
    linux) types=deb; command -v rpmbuild >/dev/null && types="deb rpm" ;;
    win) types=msi ;;
    mac) types=dmg ;;
  esac
fi
# File associations for .msi and .dmg. Not on Linux: there jpackage's associations become an
# "xdg-mime install" of our own definitions of two types shared-mime-info already defines, and a
# MimeType= line without its final ';' that "xdg-desktop-menu install" turns into defaults.list entries
# making the atlas the default application. Our .desktop template has the MimeType= line instead
# ("Open with" only), and our postinst installs it (installer/linux/postinst).
assoc=(--file-associations "$here/associations/kml.properties"
       --file-associations "$here/associations/geojson.properties")
[ $os = linux ] && assoc=()
for t in $types; do
  log "building .$t"
  case $t in
    deb|rpm)
      # --linux-shortcut: jpackage's menu entry, installed by xdg-desktop-menu in postinst, which
      # fails where /usr/share/applications is missing; our postinst (installer/linux/) creates the
      # XDG directories first, our .desktop template passes file arguments (%F) and the postinst
      # dumps the AppCDS archive.
      res="$WORK_DIR/resources-$t"; rm -rf "$res"; cp -r "$here/linux" "$res"
      extra=(--linux-package-name "$PKG" --linux-app-category "$([ $t = deb ] && echo education || echo Applications/Education)"
             --linux-menu-group "Education;Geography;" --linux-shortcut
             --linux-deb-maintainer "${APP_MAINTAINER:-maintainers@ferganaatlas.org}"
             --linux-rpm-license-type "ASL 2.0" --install-dir /opt)
      # emoji in pasted text: JavaFX draws them from a system font through fontconfig's fallback, and a school PC
      # often has none (boxes); Symbola (Debian main) is a monochrome one JavaFX can draw
      [ $t = deb ] && extra+=(--linux-package-deps "fonts-symbola")
      ;;
    msi)
      # per-machine install (Program Files), menu group and desktop shortcut; the upgrade UUID must
      # never change, so that a newer .msi replaces an older one
      extra=(--win-menu --win-menu-group "$APP_NAME" --win-shortcut --win-dir-chooser
             --win-upgrade-uuid 6c0e7a8e-2f3b-4f1e-9d5a-3f7f1b0c9a21) ;;
    dmg)
      extra=(--mac-package-identifier org.ferganaatlas.atlas --mac-package-name "Fergana Atlas")  # at most 16 characters
      if [ "${APP_VERSION%%.*}" = 0 ]; then
        : "${MAC_APP_VERSION:?macOS refuses versions starting with 0; pass -Dinstaller.macVersion=1.x.y}"
      fi ;;
  esac
  ver=$APP_VERSION; [ $t = dmg ] && ver=${MAC_APP_VERSION:-$APP_VERSION}
  res_opt=(); [ $t = deb ] || [ $t = rpm ] && res_opt=(--resource-dir "$res")
  "$jpackage" --type "$t" --dest "$out" --app-image "$image" \
    --name "$([ $os = linux ] && echo $PKG || echo "$APP_NAME")" --app-version "$ver" \
    --vendor "$APP_VENDOR" --description "$APP_DESCRIPTION" \
    --copyright "Copyright 2026 the Fergana Border Atlas authors" \
    --license-file "$LICENSE_FILE" --icon "$icon" "${assoc[@]}" "${res_opt[@]}" "${extra[@]}"
done
log "done:"; ls -l "$out"
