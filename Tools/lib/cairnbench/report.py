"""BENCHMARKS.md from the results of one or more corpus sizes."""

import statistics

from . import accuracy, peers

STEP_ORDER = ["import", "first sync", "no-change re-sync", "fetch", "decode", "export to mbox", "verify"]
MiB = 1024 * 1024


def _s(x):
    if x is None:
        return "—"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3f}"


def _ms(x):
    return "—" if x is None else (f"{x * 1000:.0f}" if x >= 0.1 else f"{x * 1000:.1f}")


def _rate(n, wall):
    return None if not wall else n / wall


def _num(x):
    if x is None:
        return "—"
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


def step_rows(res):
    """Rows of the step table for one size."""
    rows = []
    for step in STEP_ORDER:
        for tool, e in res["steps"].get(step, {}).items():
            if e["status"] != "ok":
                rows.append(f"| {step} | {tool} | {e['status']} | | | | | {e['reason']} |")
                continue
            w = e["wall"]
            med = w["median"]
            extra = []
            if step == "no-change re-sync":
                extra.append(f"{_ms(med / e['folders'])} ms per folder ({e['folders']} folders)")
            if "index_bytes" in e:
                extra.append(f"index {e['index_bytes'] / MiB:.1f} MiB = {100 * e['index_bytes'] / e['bytes']:.0f}% "
                             f"of the mail")
            if "store_bytes" in e:
                extra.append(f"store (the mail itself, kept byte for byte) {e['store_bytes'] / MiB:.0f} MiB = "
                             f"{100 * e['store_bytes'] / e['bytes']:.0f}% of the mail")
            if "output_bytes" in e:
                extra.append(f"wrote {e['output_bytes'] / 1e6:.0f} MB, {e['output_bytes'] / 1e6 / med:.1f} MB/s "
                             f"written")
            cpu = e.get("cpu", {}).get("median")
            if cpu is not None:
                extra.append(f"CPU {_s(cpu)} s")
            rows.append(f"| {step} | {tool} | {_s(med)} | {_s(w['min'])}–{_s(w['max'])} (n={w['n']}) | "
                        f"{_num(_rate(e['messages'], med))} | {_num(_rate(e['bytes'] / 1e6, med))} | "
                        f"{e['peak_rss'] / MiB:.0f} | {'; '.join(extra)} |")
    return rows


def query_rows(res):
    """Rows of the query table for one size."""
    tools = ["cairn count", "cairn search", "notmuch count", "notmuch search", "mu find"]
    rows = []
    for q in res["queries"]:
        cells = []
        for t in tools:
            e = q["tools"].get(t)
            if not e or e["status"] != "ok":
                cells.append("pending" if t.startswith("cairn") else "—")
            else:
                cells.append(f"{_ms(e['warm']['median'])} / {_ms(e['cold']['median'])} ({e['results']})")
        text = q["text"]["cairn"].replace("|", "\\|")
        other = "" if q["text"]["mu"] == q["text"]["cairn"] else f" (mu: `{q['text']['mu']}`)"
        rows.append(f"| {q['id']} | {q['label']}: `{text}`{other} | " + " | ".join(cells) +
                    f" | {q['truth'] if q['truth'] is not None else '—'} |")
    return rows


def start_line(res):
    """A line on each tool's process start alone (`--version`), under the query table."""
    start = res.get("start")
    if not start:
        return []
    parts = [f"{tool} {_ms(s['median'])} ms" for tool, s in start.items()]
    return ["Process start alone (`--version`, no database opened; median of 20 runs), the floor under "
            "every query above: " + ", ".join(parts) + ".", ""]


def median_query_latency(res, tool, which="warm"):
    """The median over the 12 queries of a tool's median latency (seconds), or None."""
    vals = [q["tools"][tool][which]["median"] for q in res["queries"]
            if tool in q["tools"] and q["tools"][tool]["status"] == "ok"]
    return statistics.median(vals) if vals else None


def _get(res, step, tool):
    e = res["steps"].get(step, {}).get(tool)
    return e if e and e["status"] == "ok" else None


READ_TWICE = "read the stored bytes twice (python sqlite3 + zlib)"


def goal_rows(res):
    """Issue 9's goals (and issue 8's for verify) against the peers' figures at this size."""
    def rate(step, tool):
        e = _get(res, step, tool)
        return e["messages"] / e["wall"]["median"] if e else None

    def mbps(step, tool):
        e = _get(res, step, tool)
        return e["output_bytes"] / 1e6 / e["wall"]["median"] if e and "output_bytes" in e else None

    rows = []
    mb = rate("first sync", "mbsync")
    c = rate("first sync", "cairn sync")
    rows.append(("first sync, whole pipeline ≥ 3× mbsync alone (msgs/s)", mb, 3 * mb if mb else None, c,
                 c is not None and mb is not None and c >= 3 * mb))
    faster = max([x for x in (rate("import", "notmuch new"), rate("import", "mu index")) if x] or [0]) or None
    c = rate("import", "cairn import maildir")
    rows.append(("index from scratch ≥ 4× the faster of mu index, notmuch new (msgs/s)", faster,
                 4 * faster if faster else None, c, c is not None and faster is not None and c >= 4 * faster))
    peers_peak = [e["peak_rss"] / MiB for step in ("import", "first sync") for t, e in res["steps"].get(step, {}).items()
                  if e["status"] == "ok" and not t.startswith("cairn")]
    cpeak = [e["peak_rss"] / MiB for step in ("import", "first sync") for t, e in res["steps"].get(step, {}).items()
             if e["status"] == "ok" and t.startswith("cairn")]
    rows.append(("peak memory syncing or importing < 100 MB (MiB; peer = largest)", max(peers_peak) if peers_peak
                 else None, 100, max(cpeak) if cpeak else None, bool(cpeak) and max(cpeak) < 100))
    pct = [100 * e["index_bytes"] / e["bytes"] for t, e in res["steps"].get("import", {}).items()
           if e["status"] == "ok" and "index_bytes" in e and not t.startswith("cairn")]
    ce = _get(res, "import", "cairn import maildir")
    cp = 100 * ce["index_bytes"] / ce["bytes"] if ce and "index_bytes" in ce else None
    rows.append(("index size < 30% of the mail (%; peer = smaller)", min(pct) if pct else None, 30, cp,
                 cp is not None and cp < 30))
    nq = median_query_latency(res, "notmuch count")
    cq = median_query_latency(res, "cairn search")
    rows.append(("query latency, warm, whole process ≤ notmuch count's (ms, median of 12)",
                 nq * 1000 if nq else None, nq * 1000 if nq else None, cq * 1000 if cq else None,
                 cq is not None and nq is not None and cq <= nq))
    ne, ce2 = mbps("export to mbox", "notmuch show --format=mbox"), mbps("export to mbox", "cairn export --mbox")
    rows.append(("export to mbox ≥ 2× notmuch show (MB/s written)", ne, 2 * ne if ne else None, ce2,
                 ce2 is not None and ne is not None and ce2 >= 2 * ne))
    rm, rc = _get(res, "no-change re-sync", "mbsync"), _get(res, "no-change re-sync", "cairn sync")
    per = (lambda e: e["wall"]["median"] / e["folders"] * 1000 if e else None)
    rows.append(("no-change re-sync ≤ mbsync's per folder (ms per folder)", per(rm), per(rm), per(rc),
                 rc is not None and rm is not None and per(rc) <= per(rm)))
    ve, re_ = _get(res, "verify", "cairn verify"), _get(res, "verify", READ_TWICE)
    vs, rs = (ve["wall"]["median"] if ve else None), (re_["wall"]["median"] if re_ else None)
    rows.append(("verify < reading the stored bytes twice (s; issue 8)", rs, rs, vs,
                 vs is not None and rs is not None and vs < rs))
    mb, c = rate("fetch", "mbsync (into an empty Maildir)"), rate("fetch", "cairn sync --fetch-only")
    rows.append(("fetch every body ≥ 1.5× mbsync (msgs/s; issue 4)", mb, 1.5 * mb if mb else None, c,
                 c is not None and mb is not None and c >= 1.5 * mb))
    out = []
    for goal, peer, target, cairn, met in rows:
        status = "pending (Cairn step not available yet)" if cairn is None else ("met" if met else "missed")
        if cairn and target and not met:   # how far: the factor Cairn must still gain
            factor = target / cairn if "≥" in goal else cairn / target
            status += f" by {factor:.1f}×"
        out.append(f"| {goal} | {_num(peer) if peer is not None else '—'} | "
                   f"{_num(target) if target is not None else '—'} | {_num(cairn) if cairn is not None else '—'} "
                   f"| {status} |")
    return out


def fetch_memory_lines(all_results):
    """Issue 4's "memory flat as the mailbox grows": each fetch tool's peak RSS at every size measured."""
    tools = []
    for r in all_results:
        for t, e in r["steps"].get("fetch", {}).items():
            if e["status"] == "ok" and t not in tools:
                tools.append(t)
    if len(all_results) < 2 or not tools:
        return []
    sizes = [r["corpus"]["messages"] for r in all_results]
    lines = ["", "Fetch: peak RSS (MiB) as the mailbox grows (issue 4: memory flat):", "",
             "| tool | " + " | ".join(f"{n:,} messages" for n in sizes) + " |",
             "| --- | " + " | ".join("---" for _ in sizes) + " |"]
    for t in tools:
        cells = []
        for r in all_results:
            e = r["steps"].get("fetch", {}).get(t)
            cells.append(f"{e['peak_rss'] / MiB:.0f}" if e and e["status"] == "ok" else "—")
        lines.append(f"| {t} | " + " | ".join(cells) + " |")
    return lines


def render(all_results, args_line, plot_name, analysis=None):
    """The whole BENCHMARKS.md; ``analysis`` (Markdown written by hand: what bounds each missed goal)
    goes after the goals."""
    first = all_results[0]
    m, v = first["machine"], first["versions"]
    lines = ["# Benchmarks", "",
             f"Measured by `{args_line}` on {m['date_utc']}, all tools side by side in one run on the same "
             "corpus and the same private Dovecot (127.0.0.1). Regenerate with the same command; raw figures "
             "are in `bench-out/results-N.json`.", ""]
    pending = any(e["status"] != "ok" for r in all_results for name, step in r["steps"].items()
                  if name not in ("fetch", "decode") for t, e in step.items() if t.startswith("cairn"))
    if pending:
        lines += ["**Cairn columns are pending** where a step says *not available yet* (see the reason in the "
                  "notes); the peer figures are real and are the baseline Cairn's goals are set against.", ""]
    lines += ["## Machine and software", "",
              "| | |", "| --- | --- |",
              f"| CPU | {m['cpu']}, {m['cores']} cores ({m['virtualization'] or 'bare metal'}) |",
              f"| RAM | {m['ram_gib']} GiB |",
              f"| disk | {m['disk']} |",
              f"| OS | {m['os']}, kernel {m['kernel']} |",
              f"| load average at start | {' '.join(m['load_at_start'])} (the machine is shared: other builds "
              "may run alongside; spreads show how much that moved the figures) |",
              f"| versions | Cairn {v['cairn']}; notmuch {v['notmuch']}; mu {v['mu']}; mbsync (isync) {v['mbsync']}; "
              f"Dovecot {v['dovecot']}; Xapian {v['xapian']}; Python {v['python']} |", ""]
    lines += ["## Corpus", "",
              "Generated by `Tools/gen-corpus` (see `Tools/lib/corpusgen/README.md`): Dovecot layout "
              "(Maildir++, modified UTF-7 folder names), threads, ten years of dates, 14 charsets, "
              "plain/alternative/HTML/mixed/related/forwarded structures, attachments from a few bytes to "
              "several MB, about 1% duplicates and 0.4% malformed messages.", "",
              "| messages | files (with duplicates) | folders | MB | with attachments | seed |",
              "| --- | --- | --- | --- | --- | --- |"]
    for r in all_results:
        c = r["corpus"]
        lines.append(f"| {c['messages']:,} | {c['files']:,} | {c['folders']} | {c['bytes'] / 1e6:.0f} | "
                     f"{c['with_attachments']:,} | {c['seed']} |")
    lines += ["", "## How each step is measured", "",
              "Each figure is the median of `--runs` runs (spread = min–max), wall time of the whole process "
              "(or of the commands in sequence for a pipeline), from a fresh state for first-time steps. "
              "msgs/s and MB/s are over the corpus's message files and bytes. Peak RSS is the largest over "
              "the runs of max(kernel rusage of the process and its reaped children, the summed RSS of the "
              "live process tree sampled every 20 ms), read through GNU time (each command runs under "
              "`/usr/bin/time`, which adds about a millisecond to every wall time); Dovecot is not counted. Before the timed runs the "
              "server is warmed up by one full fetch of every folder (so its index and cache files exist "
              "and whichever tool runs first pays nothing extra); the corpus is in the page cache for "
              "import and sync steps.", "",
              "- **import**: from scratch on the corpus Maildir: `cairn --home H import maildir CORPUS`; "
              "`notmuch new` (fresh database); `mu index` after `mu init` (init not timed). Index size: Cairn's "
              "`index/` folder (its Xapian shards), notmuch's database folder, mu's `--muhome`; Cairn's store "
              "(`cairn.sqlite`, which keeps every message's bytes, so it replaces the mail folder) is shown apart.",
              "- **first sync**: an empty local side each run: `cairn --home H account add bench --host "
              "127.0.0.1 --port P --security none --allow-insecure --user U --password-env VAR` (not timed) "
              "then `cairn sync bench`; `mbsync -a` into an empty Maildir++, then `notmuch new` and `mu index` "
              "on what mbsync wrote (pipelines = the sum of the two commands of the same run).",
              "- **no-change re-sync**: `cairn sync bench` / `mbsync -a` again with nothing new on the server.",
              "- **fetch**: every body of every folder. Cairn: `cairn sync bench --fetch-only` (a hidden flag: "
              "the sync's connection, folder list, connections per account and pipelined `UID FETCH` of "
              "`BODY.PEEK[]`, the bytes counted and discarded, nothing archived); mbsync: `mbsync -a` into an "
              "empty Maildir++ each run (the same as its first sync: mbsync cannot fetch without writing, so "
              "issue 4's goal is set against this); reference: Python's imaplib, one connection, `FETCH n:m "
              "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])` 500 messages at a time, bytes discarded: what "
              "the server gives a simple client.",
              "- **decode**: every message file decoded: `cairn inspect --format json F1..F500` per process "
              "(JSON of every part, one process per 500 files, so process start counts); reference: Python's `email` package "
              "(policy.default, every text part to Unicode, HTML to visible text) in one process.",
              "- **queries**: 12 queries in each tool's language on the archives built by the import step: "
              "`cairn count Q` and `cairn search Q --format ids`; `notmuch count Q` and `notmuch search "
              "--output=messages Q`; `mu find Q --fields=i` (mu has no count: it prints the list). Warm = "
              "median of `--runs` runs after one untimed run; cold = median of `--runs` runs each after "
              f"dropping the page cache ({first.get('cold', 'n/a')}).",
              "- **export**: the whole archive to one mbox: `cairn export --mbox F`; `notmuch show "
              "--format=mbox '*' > F`.",
              "- **verify**: `cairn verify` (no peer has one). Its yardstick (issue 8): reading every stored "
              "message's bytes out of the archive twice, each chunk inflated (`readstore.py`: Python's sqlite3 "
              "and zlib, two processes in sequence).", ""]
    for r in all_results:
        n = r["corpus"]["messages"]
        load = r.get("load", {})
        lines += [f"## Results at {n:,} messages", "",
                  f"Load average (1 min) when this size started: {load.get('start', '?')}, when it ended: "
                  f"{load.get('end', '?')}. CPU seconds (user + system of the whole process tree) in the notes "
                  "move less with the machine's load than wall time.", "",
                  "| step | tool | median s | spread s | msgs/s | MB/s | peak RSS MiB | notes |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"] + step_rows(r)
        lines += ["", f"Queries at {n:,} messages: warm / cold latency in ms, whole process, (number of results). "
                  "Counts differ between tools by design: notmuch counts one message per Message-ID, mu one per "
                  "file (duplicates twice) and skips attachments' text; the truth column is the generator's "
                  "exact answer for planted terms (distinct messages).", "",
                  "| # | query | cairn count | cairn search | notmuch count | notmuch search | mu find | truth |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"] + query_rows(r) + [""] + start_line(r)
    for r in all_results:
        if not r.get("accuracy"):
            continue
        lines += [f"### Search accuracy at {r['corpus']['messages']:,} messages", "",
                  "Each planted term of the corpus (`Tools/lib/corpusgen/README.md`) searched as free text; the "
                  "answer mapped back to the generator's truth. A cell: messages found of those expected; "
                  "what was missed, by where the term sat; what was extra (a hidden-HTML decoy, a match on an "
                  "attachment's file name, which CLI.md keeps out of free text, or accent folding).", "",
                  "| term | expected | cairn search | notmuch search | mu find |", "| --- | --- | --- | --- | --- |"]
        for a in r["accuracy"]:
            lines.append(f"| `{a['term']}` | {a['truth']} | " + " | ".join(
                accuracy.cell(a["tools"].get(t)) for t in ("cairn search", "notmuch search", "mu find")) + " |")
        lines.append("")
    last = all_results[-1]
    lines += [f"## Goals at {last['corpus']['messages']:,} messages", "",
              "| goal | peer figure | target for Cairn | Cairn | status |", "| --- | --- | --- | --- | --- |"]
    lines += goal_rows(last)
    lines += fetch_memory_lines(all_results)
    if analysis:
        lines += ["", analysis.strip()]
    lines += ["", "## Plot", "",
              f"![throughput and query latency against corpus size]({plot_name})", "",
              "Left: messages per second of each step against the corpus size. Right: the median over the 12 "
              "queries of each tool's warm latency (whole process). Both axes logarithmic.", "",
              "## Exact peer configurations", "",
              "mbsync (`mbsyncrc`; port and paths filled in per run):", "", "```", peers.MBSYNCRC.strip(), "```", "",
              "notmuch (`NOTMUCH_CONFIG`):", "", "```", peers.NOTMUCH_CONFIG.strip(), "```", "",
              "mu: `mu init --muhome=DIR --maildir=MAILDIR --my-address=robin@home.example`, then "
              "`mu index --muhome=DIR`; queries `mu find --muhome=DIR QUERY --fields=i`.", ""]
    return "\n".join(lines)
