"""The PNG plot (gnuplot): throughput and query latency against corpus size."""

import shutil
import subprocess

from .report import median_query_latency

THROUGHPUT = [("import", "cairn import maildir"), ("import", "notmuch new"), ("import", "mu index"),
              ("first sync", "cairn sync"), ("first sync", "mbsync"), ("first sync", "mbsync + notmuch new"),
              ("first sync", "mbsync + mu index"), ("export to mbox", "cairn export --mbox"),
              ("export to mbox", "notmuch show --format=mbox")]
LATENCY = ["cairn count", "cairn search", "notmuch count", "notmuch search", "mu find"]


def series(all_results):
    """({label: [(size, msgs/s)]}, {label: [(size, ms)]})."""
    thr, lat = {}, {}
    for r in all_results:
        n = r["corpus"]["messages"]
        for step, tool in THROUGHPUT:
            e = r["steps"].get(step, {}).get(tool)
            if e and e["status"] == "ok":
                thr.setdefault(f"{step}: {tool}", []).append((n, e["messages"] / e["wall"]["median"]))
        for tool in LATENCY:
            v = median_query_latency(r, tool)
            if v is not None:
                lat.setdefault(tool, []).append((n, v * 1000))
    return thr, lat


def _panel(prefix, title, ylabel, data):
    blocks, plots = [], []
    for i, (label, points) in enumerate(sorted(data.items())):
        blocks.append(f"${prefix}{i} << EOD\n" + "\n".join(f"{x} {y}" for x, y in sorted(points)) + "\nEOD")
        plots.append(f'${prefix}{i} using 1:2 with linespoints lw 2 pt 7 title "{label}"')
    head = [f'set title "{title}"', f'set ylabel "{ylabel}"', 'set xlabel "corpus size (messages)"']
    if not plots:
        return blocks, head + ['set label 1 "no data yet" at graph 0.4, 0.5', "plot [1:10] [1:10] NaN notitle",
                               "unset label 1"]
    return blocks, head + ["plot " + ", \\\n     ".join(plots)]


def render(all_results, png, script_path, note=""):
    """Write the gnuplot script and run it; returns an error text or ''."""
    thr, lat = series(all_results)
    if not note and not any(k.startswith("cairn") or ": cairn" in k for k in list(thr) + list(lat)):
        note = " (Cairn: pending)"
    b1, p1 = _panel("t", f"Throughput{note}", "messages per second", thr)
    b2, p2 = _panel("q", f"Query latency (median of 12 queries, warm){note}", "milliseconds, whole process", lat)
    script = "\n".join(b1 + b2 + [
        "set terminal pngcairo size 1500,650 font 'DejaVu Sans,11'",
        f'set output "{png}"',
        "set multiplot layout 1,2",
        "set logscale xy", "set grid", "set key top left font ',9'",
        "set format x '%.0f'",
    ] + p1 + p2 + ["unset multiplot"]) + "\n"
    with open(script_path, "w") as f:
        f.write(script)
    if not shutil.which("gnuplot"):
        return "gnuplot is not installed (Tools/setup installs gnuplot-nox)"
    r = subprocess.run(["gnuplot", script_path], capture_output=True, text=True)
    return r.stderr.strip() if r.returncode != 0 else ""
