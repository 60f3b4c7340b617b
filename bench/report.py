#!/usr/bin/env python3
"""bench/run.sh's figures: a line per measured run, and the summary table (target/bench/summary.txt).

usage: report.py line JSONFILE         the last run in JSONFILE (one JSON object a line, from screen.py) as a line
       report.py summary OUTDIR        summary.txt in OUTDIR from what run.sh left there, also printed
"""
import json, os, statistics, sys


def rows(path):
    if not os.path.exists(path):
        return []
    return [json.loads(l) for l in open(path) if l.strip()]


def kv_file(path):
    d = {}
    if os.path.exists(path):
        for line in open(path):
            k, _, v = line.rstrip('\n').partition('=')
            if k:
                d[k] = v
    return d


def mb(kb):
    return kb / 1024 if kb else None


def f(v, unit='', nd=2):
    return 'n/a' if v is None else f'{v:.{nd}f}{unit}'


def ratio(a, b):
    return f'{a / b:.2f}' if a is not None and b else '—'


def line(path):
    rs = rows(path)
    if not rs:
        print('  (no result: see the logs in ' + os.path.dirname(path) + ')')
        return
    r = rs[-1]
    app = r.get('app', {})
    parts = [r['label'] + ':']
    if 't_mapped' in r:
        parts.append(f"window {r['t_mapped']:.2f} s")
    if 't_stable' in r:
        parts.append(f"stable {r['t_stable']:.2f} s")
    if 'painted_ms' in app:
        parts.append(f"(app's painted_ms {app['painted_ms'] / 1000:.2f} s)")
    if r.get('pan_cycles'):
        parts.append(f"pan {r.get('pan_s')} s ({r['pan_cycles']} cycles)")
    if 'frame_p95_ms' in app:
        parts.append(f"{app.get('size')}: frames p50/p95/max {app['frame_p50_ms']:.0f}/{app['frame_p95_ms']:.0f}/"
                     f"{app['frame_max_ms']:.0f} ms ({app.get('fps', 0):.1f} fps), pulse p95/max "
                     f"{app['pulse_p95_ms']:.0f}/{app['pulse_max_ms']:.0f} ms (work to layout p95/max "
                     f"{app['work_p95_ms']:.0f}/{app['work_max_ms']:.0f}), render p50/p95 {app['render_p50_ms']:.0f}/"
                     f"{app['render_p95_ms']:.0f} ms, still pulses {app.get('still_pulses', '?'):.0f}")
    if r.get('main_hwm_kb'):
        parts.append(f"peak RSS main {mb(r['main_hwm_kb']):.0f} MB, tree {mb(r.get('tree_rss_kb')):.0f} MB"
                     f" ({r.get('nprocs')} processes)")
    if 'window' in r and 't_stable' in r:
        parts.append(f"[{r['window']}]")
    if r.get('late_changes'):
        parts.append(f"(changed again after it: last at {r['late_change_s']:.2f} s)")
    if 'warning' in r:
        parts.append('WARNING: ' + r['warning'])
    if 'error' in r:
        parts.append('FAILED: ' + r['error'])
    print('  ' + ' '.join(parts))


def med(rs, prefix, key):
    v = [r[key] for r in rs if r['label'].startswith(prefix) and r.get(key) is not None]
    return (statistics.median(v), v) if v else (None, [])


def summary(out):
    meta = kv_file(os.path.join(out, 'meta.txt'))
    load = kv_file(os.path.join(out, 'load.txt'))

    def ld(part):
        return load.get(part, '')

    table = []   # measure | atlas | Marble | ratio | goal | load
    notes = []
    marble = meta.get('marble', '')
    have_marble = marble.startswith('KDE Marble')

    start = rows(os.path.join(out, 'start', 'runs.jsonl'))
    if start:
        img_s, img_v = med(start, 'image-', 't_stable')
        run_s, run_v = med(start, 'runatlas-', 't_stable')
        mar_s, mar_v = med(start, 'marble-', 't_stable')
        img_m, _ = med(start, 'image-', 't_mapped')
        run_m, _ = med(start, 'runatlas-', 't_mapped')
        mar_m, _ = med(start, 'marble-', 't_mapped')
        n = meta.get('runs', '?')

        def runs(v):
            return ' (' + ', '.join(f'{x:.2f}' for x in v) + ')' if v else ''

        def goal_start(a):
            if a is None or mar_s is None:
                return '≤ 0.65× Marble'
            return f"≤ 0.65× Marble = {0.65 * mar_s:.2f} s: {'met' if a <= 0.65 * mar_s else 'not met'}"

        if meta.get('image'):
            table.append((f'start to stable screen, installed app image, median of {n}', f(img_s, ' s') + runs(img_v),
                          f(mar_s, ' s') + runs(mar_v), ratio(img_s, mar_s), goal_start(img_s), ld('start')))
        if run_v or not meta.get('image'):
            g = goal_start(run_s)
            if run_s is not None and img_s:
                g += f"; ≤ 2× installed: {run_s / img_s:.2f}× {'met' if run_s <= 2 * img_s else 'not met'}"
            table.append((f'start to stable screen, `./run-atlas` (built once before), median of {n}',
                          f(run_s, ' s') + runs(run_v), f(mar_s, ' s'), ratio(run_s, mar_s), g, ld('start')))
        if meta.get('image'):
            table.append(('window appears (mapped), installed app image', f(img_m, ' s'), f(mar_m, ' s'),
                          ratio(img_m, mar_m), '', ld('start')))
        if run_v:
            table.append(('window appears (mapped), `./run-atlas`', f(run_m, ' s'), f(mar_m, ' s'), ratio(run_m, mar_m), '',
                          ld('start')))
        failed = [r['label'] + ': ' + r['error'] for r in start if 'error' in r]
        if failed:
            notes.append('start runs that failed (left out of the medians): ' + '; '.join(failed))
        late = [f"{r['label']} at {r['late_change_s']:.2f} s" for r in start if r.get('late_changes')]
        if late:
            notes.append(f"screens that changed again within {meta.get('recheck', '?')} s after their stable one "
                         f"(the figure keeps the rule's time; see <run>_late.png): " + ', '.join(late))
        blank = [r['label'] for r in start if 'warning' in r]
        if blank:
            notes.append('stable screens that look blank (check their screenshots): ' + ', '.join(blank))
        painted = [r['app']['painted_ms'] / 1000 for r in start if r['label'].startswith('image-') and 'painted_ms' in r.get('app', {})]
        if painted and img_s:
            notes.append(f"the app's own painted_ms (MARKS=1), installed image: median {statistics.median(painted):.2f} s, "
                         f"vs stable screen {img_s:.2f} s")

    pans = {}
    for size in ('1600x1000', '2560x1440'):
        r = rows(os.path.join(out, 'pan', size + '.jsonl'))
        if r and 'frame_p95_ms' in r[-1].get('app', {}):
            pans[size] = r[-1]
        elif r:
            notes.append(f"in-app tour at {size} failed: {r[-1].get('error', 'no figures in its log')}")
    goals = {'1600x1000': ('p95 ≤ 33 ms', 33), '2560x1440': ('p95 ≤ 50 ms', 50)}
    for size, r in pans.items():
        a = r['app']
        gtext, glim = goals[size]
        table.append((f"frame interval while panning/zooming (in-app tour, {a.get('seconds', '?'):.0f} s), {size.replace('x', '×')}:"
                      f" p50 / p95 / max", f"{a['frame_p50_ms']:.0f} / {a['frame_p95_ms']:.0f} / {a['frame_max_ms']:.0f} ms"
                      f" ({a.get('fps', 0):.1f} fps)", 'n/a', '', f"{gtext}: {'met' if a['frame_p95_ms'] <= glim else 'not met'}",
                      ld('pan-' + size)))
        table.append((f'longest FX-thread pulse (p95), {size.replace("x", "×")}', f"{a['pulse_max_ms']:.0f} ms ({a['pulse_p95_ms']:.0f});"
                      f" work to layout {a['work_max_ms']:.0f} ms ({a['work_p95_ms']:.0f})", 'n/a', '',
                      ('none over 16 ms: ' + ('met' if a['pulse_max_ms'] <= 16 else 'not met')) if size == '1600x1000' else '',
                      ld('pan-' + size)))
        if a.get('still_pulses', 0) > 0.05 * max(1, a.get('pulses', 1)):
            notes.append(f"{size}: {a['still_pulses']:.0f} of {a['pulses']:.0f} pulses could not move the view (held at the data's edge)")
        if a.get('frames_source') != 'renderer' or a.get('pulse_end') != 'sync':
            notes.append(f"{size}: toolkit hooks missing (frames from {a.get('frames_source')}, pulses end at {a.get('pulse_end')})")
    if len(pans) == 2:
        s, l = pans['1600x1000']['app'], pans['2560x1440']['app']
        px = (2560 * 1440) / (1600 * 1000)
        g = l['frame_p95_ms'] / s['frame_p95_ms'] if s['frame_p95_ms'] else None
        table.append(('frame cost growth 1600×1000 → 2560×1440 (ratio of p95 frame intervals)',
                      f"{f(g, '×')} for {px:.2f}× the pixels ({f(g / px if g else None, '')} per pixel)", 'n/a', '',
                      f"no faster than pixels (≤ {px:.2f}×): {'met' if g and g <= px else 'not met'}",
                      ld('pan-2560x1440')))
    if '1600x1000' in pans:
        r = pans['1600x1000']
        a = r['app']
        table.append((f"peak RSS (VmHWM) of the process through the {a.get('seconds', 0):.0f} s in-app tour, 1600×1000",
                      f"{a['peak_rss_mb']:.0f} MB (process tree {f(mb(r.get('tree_rss_kb')), ' MB', 0)})", 'n/a', '',
                      f"≤ 250 MB: {'met' if a['peak_rss_mb'] <= 250 else 'not met'}", ld('pan-1600x1000')))

    rss = rows(os.path.join(out, 'rss', 'runs.jsonl'))
    if rss:
        secs = meta.get('xdo_pan_seconds', '20')
        a_h, _ = med(rss, 'atlas-', 'main_hwm_kb')
        m_h, _ = med(rss, 'marble-', 'main_hwm_kb')
        a_t, _ = med(rss, 'atlas-', 'tree_rss_kb')
        m_t, _ = med(rss, 'marble-', 'tree_rss_kb')
        table.append((f'peak RSS of the main process after {secs} s of xdotool drag and scroll (1400×880)',
                      f(mb(a_h), ' MB', 0), f(mb(m_h), ' MB', 0), ratio(a_h, m_h), '', ld('rss')))
        table.append((f'whole process tree RSS, same run (peak of the sum)', f(mb(a_t), ' MB', 0), f(mb(m_t), ' MB', 0),
                      ratio(a_t, m_t), '', ld('rss')))
        failed = [r['label'] + ': ' + r['error'] for r in rss if 'error' in r]
        if failed:
            notes.append('xdotool pan runs that failed: ' + '; '.join(failed))

    tiles = meta.get('tiles')
    if tiles:
        table.append(('tile render, zooms ' + meta.get('tile_zooms', '') + ': p50 / p95', tiles, '', '',
                      meta.get('tiles_goal', 'p95 ≤ 10 ms'), ld('tiles')))
    search = meta.get('search')
    if search:
        table.append(('search, per query: p50 / p99', search, '', '', meta.get('search_goal', 'p99 ≤ 5 ms'), ld('search')))

    head = (f"bench/run.sh on {meta.get('date', '?')}: {meta.get('cores', '?')} cores, {meta.get('jdk', '?')}; "
            f"{meta.get('display', '?')}; {meta.get('nice', '')}; {marble}; took {meta.get('duration', '?')}")
    lines = [head, '', '| measure | atlas | Marble | ratio (atlas / Marble) | goal | load avg 1/5/15 min before → after |',
             '|---|---|---|---|---|---|']
    for row in table:
        lines.append('| ' + ' | '.join(c if c else '' for c in row) + ' |')
    if not have_marble:
        lines.append('')
        lines.append(f'{marble or "Marble not measured"}.')
    extra = [meta.get('image_note', ''), meta.get('pan_app', '')] + notes
    extra = [e for e in extra if e]
    if extra:
        lines.append('')
        lines += ['- ' + e for e in extra]
    text = '\n'.join(lines) + '\n'
    open(os.path.join(out, 'summary.txt'), 'w').write(text)
    print(text, end='')


if __name__ == '__main__':
    if sys.argv[1] == 'line':
        line(sys.argv[2])
    else:
        summary(sys.argv[2])
