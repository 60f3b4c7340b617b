#!/usr/bin/env python3
"""What a user sees of a desktop app's start, measured at pixel level under an X server (Xvfb).

Launches COMMAND and measures, from the moment it was started:
  t_mapped  the first time its window is mapped and visible (`xdotool search --onlyvisible`, polled every 50 ms);
  t_stable  the last change of the screen's pixels before STABLE seconds without one (an MD5 of `xwd -root`'s
            pixels, sampled every ~100 ms: the time of the sample that first showed the final picture); a calm
            screen of a handful of colours (a window mapped but not drawn yet) does not count;
then optionally drives a scripted pan (xdotool drags and wheel clicks on the map, the same script for every app,
so that their memory can be compared) and/or waits for the app to end by itself (an in-app benchmark driver),
sampling memory meanwhile: VmHWM (peak resident set) of the main process and the summed resident set (Rss) of
the whole process tree. The final screen at t_stable (and after the pan) is saved as a PNG (written after the app
has been closed, so that encoding it does not compete with the app). Prints one JSON line.

The method is that of the project's shared measuring tool (measure_screen.py, used for the atlas-vs-Marble
figures in the performance issue), rewritten here so that the project does not depend on it at run time:
Python 3's standard library plus xdotool and xwd (x11-apps), nothing else.

usage: screen.py --label L --out DIR --match name:TITLE|class:CLASS [--stable 2] [--pan 0] [--point 0.57,0.51]
                 [--wait-exit 0] [--close term|ctrlq] [--env K=V ...] -- COMMAND ...
  @T0@ in COMMAND is replaced by the launch time in epoch milliseconds.
"""
import argparse, hashlib, json, os, signal, struct, subprocess, sys, time, zlib

ap = argparse.ArgumentParser()
ap.add_argument('--label', required=True)
ap.add_argument('--out', required=True)
ap.add_argument('--match', required=True, help='name:WINDOW TITLE or class:WM_CLASS')
ap.add_argument('--stable', type=float, default=2.0, help='seconds without a pixel change that count as stable (0: skip)')
ap.add_argument('--recheck', type=float, default=0, help='seconds to keep watching after stable, for late changes')
ap.add_argument('--pan', type=float, default=0, help='seconds of the xdotool drag/scroll script after stable')
ap.add_argument('--point', default='0.57,0.51', help='where to drag/scroll, as fractions of the window')
ap.add_argument('--wait-exit', type=float, default=0, help='wait up to N s for the app to end by itself')
ap.add_argument('--close', default='term', choices=['term', 'ctrlq'])
ap.add_argument('--env', action='append', default=[], help='K=V for the app (repeatable)')
ap.add_argument('--timeout', type=float, default=120, help='give up waiting for a window or a stable screen')
ap.add_argument('cmd', nargs=argparse.REMAINDER)
a = ap.parse_args()
cmd = a.cmd[1:] if a.cmd and a.cmd[0] == '--' else a.cmd
os.makedirs(a.out, exist_ok=True)
kind, _, what = a.match.partition(':')
search = ['--class' if kind == 'class' else '--name', what]
env = dict(os.environ)
for kv in a.env:
    k, _, v = kv.partition('=')
    env[k] = v


def xdo(*args):
    return subprocess.run(['xdotool'] + [str(x) for x in args], capture_output=True, text=True)


def xwd_root():
    """The root window's dump: (pixel bytes, width, height, bytes per line, little-endian?)"""
    d = subprocess.run(['xwd', '-root', '-silent'], capture_output=True).stdout
    if len(d) < 100:
        return None
    f = struct.unpack('>25I', d[:100])
    header, w, h, byte_order, bpp, bpl, ncolors = f[0], f[4], f[5], f[7], f[11], f[12], f[19]
    start = header + 12 * ncolors  # the header (with the window's name), then the colour map, then the pixels
    return d[start:start + bpl * h], w, h, bpl, bpp, byte_order == 0


def write_png(path, frame):
    pixels, w, h, bpl, bpp, lsb = frame
    # xwd writes 4-byte pixels (0x00RRGGBB) or, once a JavaFX window is on the screen, packed 3-byte ones in lines of
    # the same length (the rest of each line is padding)
    step = bpp // 8
    if step not in (3, 4) or step * w > bpl:
        return False
    if step == 4:  # in memory B G R X (LSB first) or X R G B
        order = (2, 1, 0) if lsb else (1, 2, 3)
    else:
        order = (2, 1, 0) if lsb else (0, 1, 2)
    rows = []
    for y in range(h):
        row = pixels[y * bpl:y * bpl + step * w]
        rgb = bytearray(3 * w)
        rgb[0::3], rgb[1::3], rgb[2::3] = row[order[0]::step], row[order[1]::step], row[order[2]::step]
        rows.append(b'\x00' + bytes(rgb))

    def chunk(t, data):
        return struct.pack('>I', len(data)) + t + data + struct.pack('>I', zlib.crc32(t + data) & 0xffffffff)

    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(b''.join(rows), 6)) + chunk(b'IEND', b''))
    return True


BLANK_COLOURS = 12


def colours(frame):
    """How many distinct colours a sample of ~400 of the screen's pixels has."""
    pixels, bpp = frame[0], frame[4]
    step = max(1, bpp // 8)
    return len({bytes(pixels[i:i + 3]) for i in range(0, len(pixels) - 3, 4099 * step)})


def children_map():
    kids = {}
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                stat = open(f'/proc/{p}/stat').read()
                ppid = int(stat[stat.rindex(')') + 2:].split()[1])  # the name in (...) may hold spaces
                kids.setdefault(ppid, []).append(int(p))
            except (OSError, ValueError):
                pass
    return kids


def tree(pid):
    kids, res, stack = children_map(), [pid], [pid]
    while stack:
        for c in kids.get(stack.pop(), []):
            res.append(c)
            stack.append(c)
    return res


def status_kb(pid, key):
    try:
        for line in open(f'/proc/{pid}/status'):
            if line.startswith(key + ':'):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


res = {'label': a.label}


def sample_memory():
    """Peak of the main process (VmHWM: the kernel's own high-water mark) and of the tree's summed VmRSS."""
    if proc.poll() is not None:
        return
    pids = tree(proc.pid)
    res['main_hwm_kb'] = max(res.get('main_hwm_kb', 0), status_kb(proc.pid, 'VmHWM'))
    res['tree_rss_kb'] = max(res.get('tree_rss_kb', 0), sum(status_kb(p, 'VmRSS') for p in pids))
    res['nprocs'] = max(res.get('nprocs', 0), len(pids))


def pan_script(seconds, x, y):
    """The same for every app: drag right, left, down, up; three wheel clicks in, a pause, three out, a pause."""
    def drag(dx, dy, steps=15, dt=0.04):
        xdo('mousemove', x, y)
        xdo('mousedown', 1)
        for _ in range(steps):
            xdo('mousemove_relative', '--', round(dx / steps), round(dy / steps))
            time.sleep(dt)
        xdo('mouseup', 1)

    def wheel(button, n, dt=0.15):
        xdo('mousemove', x, y)
        for _ in range(n):
            xdo('click', button)
            time.sleep(dt)

    steps = [lambda: drag(300, 0), lambda: drag(-300, 0), lambda: drag(0, 200), lambda: drag(0, -200),
             lambda: wheel(4, 3), lambda: time.sleep(0.3), lambda: wheel(5, 3), lambda: time.sleep(0.3)]
    t_end, cycles = time.monotonic() + seconds, 0
    while time.monotonic() < t_end and proc.poll() is None:
        for st in steps:
            st()
            sample_memory()
        cycles += 1
    return cycles


log = open(os.path.join(a.out, a.label + '.log'), 'w')
t_launch_ms = int(time.time() * 1000)
cmd = [c.replace('@T0@', str(t_launch_ms)) for c in cmd]
t0 = time.monotonic()
proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
res['pid'] = proc.pid
win = None
while time.monotonic() - t0 < a.timeout and proc.poll() is None:
    r = xdo('search', '--onlyvisible', *search)
    if r.returncode == 0 and r.stdout.strip():
        win = r.stdout.split()[-1]
        res['t_mapped'] = round(time.monotonic() - t0, 3)
        break
    time.sleep(0.05)
frame = after_pan = late = None
if win:
    last_hash, last_change, changes, blank = None, None, 0, True
    while a.stable > 0 and time.monotonic() - t0 < a.timeout:
        ts = time.monotonic() - t0
        f = xwd_root()
        h = hashlib.md5(f[0]).hexdigest() if f else None
        if h != last_hash:
            last_hash, last_change, frame = h, ts, f
            changes += 1
            # A screen of a handful of colours is a window mapped but not drawn yet (black, or white): under load an app
            # can take longer than STABLE seconds to paint its first frame, and that calm is not a stable screen.
            blank = f is None or colours(f) < BLANK_COLOURS
        elif ts - last_change >= a.stable and not blank:
            res['t_stable'] = round(last_change, 3)
            # then watch RECHECK more seconds: an app that draws a layer after a pause longer than STABLE has a
            # "stable" screen that is not its final one; say so (the figure stays the rule's)
            t_end = time.monotonic() + a.recheck
            while time.monotonic() < t_end:
                f = xwd_root()
                h2 = hashlib.md5(f[0]).hexdigest() if f else None
                if h2 != last_hash:
                    last_hash, late = h2, f
                    res['late_changes'] = res.get('late_changes', 0) + 1
                    res['late_change_s'] = round(time.monotonic() - t0, 3)
                time.sleep(0.1)
            break
        time.sleep(0.1)
    else:
        if a.stable > 0:
            res['error'] = f'screen not stable within {a.timeout} s'
    res['screen_changes'] = changes
    g = xdo('getwindowgeometry', win).stdout.split()
    # "Window N / Position: X,Y (screen: 0) / Geometry: WxH"
    try:
        wx, wy = map(int, g[g.index('Position:') + 1].split(','))
        ww, wh = map(int, g[g.index('Geometry:') + 1].split('x'))
        res['window'] = f'{ww}x{wh}+{wx}+{wy}'
    except (ValueError, IndexError):
        wx, wy, ww, wh = 0, 0, 0, 0
    sample_memory()
    res['stable_main_hwm_kb'], res['stable_tree_rss_kb'] = res.get('main_hwm_kb'), res.get('tree_rss_kb')
    if a.pan > 0 and proc.poll() is None:
        fx, fy = map(float, a.point.split(','))
        tp = time.monotonic()
        res['pan_cycles'] = pan_script(a.pan, wx + round(fx * ww), wy + round(fy * wh))
        res['pan_s'] = round(time.monotonic() - tp, 1)
        time.sleep(1)
        after_pan = xwd_root()  # to check that the script moved the map
elif proc.poll() is not None:
    res['error'] = f'ended (exit {proc.returncode}) before a window appeared'
else:
    res['error'] = f'no window within {a.timeout} s'
if a.wait_exit > 0:
    t_end = time.monotonic() + a.wait_exit
    while proc.poll() is None and time.monotonic() < t_end:
        sample_memory()
        time.sleep(0.5)
    if proc.poll() is None:
        res['error'] = f'still running after {a.wait_exit} s'
pids = tree(proc.pid)
if proc.poll() is None:
    if win and a.close == 'ctrlq':  # Marble saves its settings and quits
        xdo('windowfocus', '--sync', win)
        xdo('key', '--window', win, 'ctrl+q')
    else:
        proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        res['killed'] = True
for p in pids[1:]:  # helpers the app started (Marble's web engine) and left behind
    try:
        os.kill(p, signal.SIGKILL)
    except ProcessLookupError:
        pass
res['rc'] = proc.returncode
log.close()
if frame is not None and colours(frame) < BLANK_COLOURS:
    res['warning'] = f'the last screen has only {colours(frame)} colours in a sample: a blank window'
if frame is not None and write_png(os.path.join(a.out, a.label + '_stable.png'), frame):
    res['shot'] = os.path.join(a.out, a.label + '_stable.png')
if late is not None:
    write_png(os.path.join(a.out, a.label + '_late.png'), late)
if after_pan is not None:
    write_png(os.path.join(a.out, a.label + '_after_pan.png'), after_pan)
for line in open(os.path.join(a.out, a.label + '.log'), errors='replace'):
    # the atlas's own marks (--timing, --benchmark): "atlas-bench key=value" / "atlas-bench mark key=value"
    parts = line.split()
    if len(parts) >= 2 and parts[0] == 'atlas-bench':
        k, _, v = parts[-1].partition('=')
        try:
            res.setdefault('app', {})[k] = float(v)
        except ValueError:
            res.setdefault('app', {})[k] = v
print(json.dumps(res), flush=True)
