# Helpers for running the atlas under a private Xvfb display (sourced by the installer scripts).
# Needs: Xvfb, xdotool (apt-get install -y xvfb xdotool).

WINDOW_TITLE=${WINDOW_TITLE:-Fergana Border Atlas}

# start_xvfb: starts Xvfb on a free display number, exports DISPLAY and XVFB_PID.
start_xvfb() {
  local n=${XVFB_FIRST_DISPLAY:-91}
  while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 100); do
    xdotool getdisplaygeometry >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "Xvfb did not start on :$n" >&2
  return 1
}

stop_xvfb() { [ -n "${XVFB_PID:-}" ] && kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null || true; XVFB_PID=; }

# wait_window PID TIMEOUT_S: waits until a visible window whose title contains WINDOW_TITLE exists;
# prints its id. Fails if the process PID exits first or the time runs out.
wait_window() {
  local pid=$1 deadline=$(( $(date +%s) + $2 )) w
  while [ "$(date +%s)" -lt "$deadline" ]; do
    w=$(xdotool search --onlyvisible --name "$WINDOW_TITLE" 2>/dev/null | head -1 || true)
    if [ -n "$w" ]; then echo "$w"; return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "process $pid exited before its window appeared" >&2; return 1; }
    sleep 0.01
  done
  echo "no window titled '$WINDOW_TITLE' after $2 s" >&2
  return 1
}

# stop_app PID: asks the window to close (as a user would), then TERM, then KILL.
stop_app() {
  local pid=$1 w
  w=$(xdotool search --name "$WINDOW_TITLE" 2>/dev/null | head -1 || true)
  [ -n "$w" ] && xdotool windowclose "$w" >/dev/null 2>&1 || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}
