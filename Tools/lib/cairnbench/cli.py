"""Command line of Tools/bench: generate, serve, measure, report."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

from . import cairn as cairn_mod
from . import dovecot, machine, plot, report
from .runner import run
from .steps import HERE, Bench

STEPS = ("decode", "import", "sync", "fetch", "queries", "accuracy", "export", "verify")
NEEDS_IMPORT = {"queries", "accuracy", "export", "verify"}
WORK_DIRS = ("dovecot", "cairn-import", "notmuch-import", "mu-import", "cairn-sync", "mbsync-local",
             "notmuch-sync", "mu-sync", "cairn-fetch", "mbsync-fetch-local")


def parse_args(argv):
    p = argparse.ArgumentParser(prog="bench", description="Cairn side by side with mbsync, notmuch and mu on "
                                "one generated corpus served by a private Dovecot; writes BENCHMARKS.md and "
                                "a PNG plot.")
    p.add_argument("--count", type=int, default=20000, help="corpus size (default 20000)")
    p.add_argument("--sizes", help="several corpus sizes, e.g. 2000,20000 (overrides --count)")
    p.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    p.add_argument("--folders", type=int, default=20, help="folders in the corpus (default 20)")
    p.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    p.add_argument("--max-attachment-mb", type=float, default=8.0, help="largest attachment (default 8)")
    p.add_argument("--steps", default=",".join(STEPS), help=f"steps to run (default all: {','.join(STEPS)})")
    p.add_argument("--out", default="bench-out", help="work folder (default bench-out, git-ignored)")
    p.add_argument("--cairn", help="the cairn binary to measure (default: the release build)")
    p.add_argument("--no-build", action="store_true", help="do not build Cairn (use what is built, if any)")
    p.add_argument("--no-cold", action="store_true", help="skip cold-cache query runs")
    p.add_argument("--no-pipelines", action="store_true",
                   help="first sync: time mbsync alone, not also mbsync + notmuch new / mu index (saves their "
                   "indexing runs, which the import step measures anyway)")
    p.add_argument("--no-setup", action="store_true", help="do not run Tools/setup first")
    p.add_argument("--keep", action="store_true", help="keep databases and copies (default: keep the corpus only)")
    p.add_argument("--report", default="BENCHMARKS.md", help="Markdown report (default BENCHMARKS.md)")
    p.add_argument("--plot", default="BENCHMARKS.png", help="PNG plot (default BENCHMARKS.png)")
    p.add_argument("--report-only", action="store_true",
                   help="rewrite the report and plot from bench-out/results-N.json of --sizes/--count")
    opts = p.parse_args(argv)
    opts.sizes = [int(x) for x in opts.sizes.split(",")] if opts.sizes else [opts.count]
    opts.steps = [s.strip() for s in opts.steps.split(",") if s.strip()]
    bad = [s for s in opts.steps if s not in STEPS]
    if bad:
        p.error(f"unknown step(s) {bad}; steps are {', '.join(STEPS)}")
    opts.implied = set()
    if NEEDS_IMPORT & set(opts.steps) and "import" not in opts.steps:
        opts.steps.append("import")   # builds the archives; its figures are kept only if none exist yet
        opts.implied.add("import")
    opts.steps = [s for s in STEPS if s in opts.steps]
    return opts


class Context:
    """Settings shared by every size."""

    def __init__(self, opts, repo, log):
        self.runs, self.cold, self.log, self.repo = opts.runs, not opts.no_cold, log, repo
        self.pipelines = not opts.no_pipelines
        self.cairn, self.cairn_reason = None, ""


def _corpus(opts, repo, size_dir, n, log):
    corpus, truth = os.path.join(size_dir, "corpus"), os.path.join(size_dir, "truth.json")
    stamp_path = os.path.join(size_dir, "corpus.stamp")
    gen = os.path.join(repo, "Tools", "gen-corpus")
    version = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
                              "import corpusgen; print(corpusgen.GENERATOR_VERSION)", os.path.dirname(HERE)],
                             capture_output=True, text=True).stdout.strip()
    stamp = json.dumps({"count": n, "seed": opts.seed, "folders": opts.folders, "format": "dovecot",
                        "max_attachment_mb": opts.max_attachment_mb, "generator_version": version})
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp and os.path.exists(truth):
        log(f"corpus: reusing {corpus}")
    else:
        for p in (corpus, truth, stamp_path):
            if os.path.isdir(p):
                shutil.rmtree(p)
            elif os.path.exists(p):
                os.remove(p)
        log(f"corpus: generating {n} messages into {corpus}")
        r = run([sys.executable, gen, "--count", str(n), "--seed", str(opts.seed), "--format", "dovecot",
                 "--folders", str(opts.folders), "--max-attachment-mb", str(opts.max_attachment_mb),
                 "--out", corpus, "--truth", truth, "--quiet"])
        if not r.ok:
            raise RuntimeError(f"gen-corpus failed: {r.stderr[-500:]}")
        log(f"corpus: generated in {r.wall:.1f} s (peak RSS {r.peak_rss / 2**20:.0f} MiB)")
        with open(stamp_path, "w") as f:
            f.write(stamp)
    with open(truth, encoding="utf-8") as f:
        return corpus, json.load(f)


def _warm_up(server, log):
    r = run([sys.executable, os.path.join(HERE, "imapfetch.py"), "127.0.0.1", str(server.port), server.user,
             server.password])
    if not r.ok:
        raise RuntimeError(f"server warm-up failed: {r.stderr[-400:]}")
    log(f"dovecot: warmed up (one full fetch, {r.wall:.1f} s)")


def bench_size(opts, ctx, repo, n, meta):
    size_dir = os.path.join(opts.out, str(n))
    os.makedirs(size_dir, exist_ok=True)
    corpus, truth = _corpus(opts, repo, size_dir, n, ctx.log)
    s = truth["summary"]
    results_head = {
        "args": {k: sorted(v) if isinstance(v, set) else v for k, v in vars(opts).items()},
        "machine": meta["machine"], "versions": meta["versions"],
        "corpus": {"messages": s["messages"], "files": s["files"], "bytes": s["bytes"],
                   "folders": len(truth["folders"]), "with_attachments": s["with_attachments"],
                   "duplicates": s["duplicates"], "malformed": s["malformed"], "seed": opts.seed},
    }
    load_start = open("/proc/loadavg").read().split()[0]
    server = None
    try:
        bench = None
        if {"sync", "fetch"} & set(opts.steps):
            server = dovecot.start(repo, os.path.abspath(os.path.join(size_dir, "dovecot")), corpus, ctx.log)
            _warm_up(server, ctx.log)
        bench = Bench(ctx, os.path.abspath(size_dir), os.path.abspath(corpus), truth, server)
        for step in opts.steps:
            started = time.monotonic()
            getattr(bench, f"step_{step}")()
            ctx.log(f"[{n} msgs] {step}: done in {time.monotonic() - started:.0f} s")
    finally:
        if server:
            server.stop()
    results = results_head | bench.results | {"load": {"start": load_start,
                                                       "end": open("/proc/loadavg").read().split()[0]}}
    path = os.path.join(opts.out, f"results-{n}.json")
    results = _merge(path, results, opts)
    with open(path, "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    if not opts.keep:
        for d in WORK_DIRS:
            shutil.rmtree(os.path.join(size_dir, d), ignore_errors=True)
    return results


def _merge(path, new, opts):
    """A run of some steps updates the saved results of the same corpus instead of replacing them."""
    if not os.path.exists(path):
        return new
    with open(path, encoding="utf-8") as f:
        old = json.load(f)
    if old.get("corpus") != new["corpus"]:
        return new
    measured = {s for s in new["steps"] if s.replace("first sync", "sync") not in opts.implied}
    if set(old.get("steps", {})) <= measured:
        # Every step was measured again: the machine, its load and the date are this run's.
        return new
    merged = dict(old)
    for step, tools in new["steps"].items():
        implied = step.replace("first sync", "sync") in opts.implied
        if not (implied and step in old.get("steps", {})):
            merged.setdefault("steps", {})[step] = tools
    for key in ("queries", "accuracy", "cold"):
        if new.get(key):
            merged[key] = new[key]
    merged["notes"] = old.get("notes", []) + [f"steps {', '.join(opts.steps)} re-measured on "
                                               f"{new['machine']['date_utc']} (load average "
                                               f"{new['load']['start']} to {new['load']['end']})"] if old.get("steps") else []
    return merged


def main(argv=None):
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    repo = os.path.dirname(os.path.dirname(HERE))
    repo = os.path.dirname(repo) if os.path.basename(repo) == "Tools" else repo
    os.chdir(repo)
    os.makedirs(opts.out, exist_ok=True)
    logf = open(os.path.join(opts.out, "bench.log"), "a")

    def log(msg):
        line = f"{time.strftime('%H:%M:%S')} bench: {msg}"
        print(line, file=sys.stderr, flush=True)
        logf.write(line + "\n")
        logf.flush()

    args_line = "Tools/bench " + " ".join(sys.argv[1:] if argv is None else argv)
    if not opts.report_only:
        if not opts.no_setup:
            subprocess.run([os.path.join(repo, "Tools", "setup")], check=True)
        ctx = Context(opts, repo, log)
        if opts.cairn:
            ctx.cairn = os.path.abspath(opts.cairn) if os.access(opts.cairn, os.X_OK) else None
            ctx.cairn_reason = "" if ctx.cairn else f"{opts.cairn} is not executable"
        else:
            ctx.cairn, ctx.cairn_reason = cairn_mod.find_binary(repo, not opts.no_build, log)
        log(f"cairn: {ctx.cairn or ctx.cairn_reason}")
        meta = {"machine": machine.machine(os.path.abspath(opts.out)),
                "versions": machine.versions(cairn_mod.version(ctx.cairn))}
        for n in opts.sizes:
            bench_size(opts, ctx, repo, n, meta)
    all_results = []
    for n in opts.sizes:
        path = os.path.join(opts.out, f"results-{n}.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                all_results.append(json.load(f))
    if not all_results:
        log("no results to report")
        return 1
    if opts.report_only:   # say how each size was measured, not how the report was rewritten
        def flags(a):
            out = [f"--count {a['sizes'][0]}" if len(a["sizes"]) == 1 else f"--sizes {','.join(map(str, a['sizes']))}",
                   f"--runs {a['runs']}", f"--steps {','.join(a['steps'])}"]
            out += [f"--{k.replace('_', '-')}" for k in ("no_cold", "no_pipelines") if a.get(k)]
            return "Tools/bench " + " ".join(out)
        args_line = "`, `".join(dict.fromkeys(flags(r["args"]) for r in all_results))
    err = plot.render(all_results, os.path.abspath(opts.plot), os.path.join(opts.out, "plot.gp"))
    if err:
        log(f"plot: {err}")
    with open(opts.report, "w") as f:
        analysis_path = os.path.join(HERE, "ANALYSIS.md")
        analysis = open(analysis_path, encoding="utf-8").read() if os.path.exists(analysis_path) else None
        f.write(report.render(all_results, args_line, os.path.basename(opts.plot), analysis))
    log(f"wrote {opts.report} and {opts.plot}")
    return 0
