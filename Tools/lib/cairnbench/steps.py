"""The measured steps. Each fills ``results["steps"][step][tool]`` (or ``results["queries"]``).

A tool entry: ``status`` (ok | not available yet | failed), ``reason``, ``wall`` / ``cpu``
(median, min, max, n in seconds), ``peak_rss`` (bytes, the largest over runs), ``messages`` and
``bytes`` processed per run, and step-specific sizes (``index_bytes``, ``output_bytes``).
"""

import os
import re
import shutil
import sys

from . import accuracy, peers
from .cairn import Cairn
from .report import READ_TWICE
from .queries import count_lines, expand, parse_count, top_sender, truth_count
from .runner import dir_size, drop_caches, run, summarize

HERE = os.path.dirname(os.path.abspath(__file__))


def _fresh(path):
    if os.path.exists(path):
        shutil.rmtree(path)
    os.makedirs(path)
    return path


def parse_fetch_only(text):
    """(messages, bytes) from the line ``cairn sync --fetch-only`` prints, or None."""
    m = re.search(r"fetch only: \d+ folders, (\d+) messages, (\d+) bytes", text)
    return (int(m.group(1)), int(m.group(2))) if m else None


def _first_line(text):
    """The line of an error output that says what went wrong (the first one, or one saying 'error')."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()]
    return (errors or lines or [""])[0][:200].replace("|", "/")


class Entry:
    """Collects the runs of one tool in one step."""

    def __init__(self, messages, nbytes):
        self.runs, self.messages, self.bytes = [], messages, nbytes
        self.status, self.reason, self.extra = "ok", "", {}

    def add(self, *results):
        """Record one run made of one or more commands run in sequence (a pipeline)."""
        for r in results:
            if not r.ok:
                self.status = "failed" if self.status == "ok" and self.runs else "not available yet"
                self.reason = f"exit {r.rc}: {_first_line(r.stderr)}"
                return False
        self.runs.append({"wall": sum(r.wall for r in results), "cpu": sum(r.user + r.sys for r in results),
                          "peak_rss": max(r.peak_rss for r in results)})
        return True

    def unavailable(self, reason):
        """Mark the tool as not measurable yet."""
        self.status, self.reason = "not available yet", reason
        return self

    def as_dict(self):
        d = {"status": self.status, "reason": self.reason, "messages": self.messages, "bytes": self.bytes}
        if self.runs and self.status == "ok":
            d["wall"] = summarize([r["wall"] for r in self.runs])
            d["cpu"] = summarize([r["cpu"] for r in self.runs])
            d["peak_rss"] = max(r["peak_rss"] for r in self.runs)
        d.update(self.extra)
        return d


class Bench:
    """One corpus size: the corpus, the server, the tools' working folders and the results."""

    def __init__(self, ctx, size_dir, corpus, truth, server):
        self.ctx, self.dir, self.corpus, self.server = ctx, size_dir, corpus, server
        self.truth = truth
        self.messages = truth["summary"]["files"]
        self.bytes = truth["summary"]["bytes"]
        self.runs = ctx.runs
        self.results = {"steps": {}, "queries": [], "notes": []}
        self.cairn_home = None        # the archive built by the import step, used by later steps

    # -- helpers ---------------------------------------------------------------------------------

    def log(self, msg):
        self.ctx.log(f"[{self.truth['count']} msgs] {msg}")

    def cairn(self, name):
        if not self.ctx.cairn:
            return None
        return Cairn(self.ctx.cairn, os.path.join(self.dir, name))

    def _store(self, step, tool, entry):
        self.results["steps"].setdefault(step, {})[tool] = entry.as_dict()

    def _nm(self, name, mail):
        d = os.path.join(self.dir, name)
        _fresh(d)
        return peers.notmuch_setup(os.path.join(d, "config"), os.path.join(d, "db"), mail), os.path.join(d, "db")

    # -- import / index from scratch ------------------------------------------------------------------

    def step_import(self):
        """cairn import maildir vs notmuch new vs mu index, each from scratch on the corpus Maildir."""
        cairn_e, nm_e, mu_e = (Entry(self.messages, self.bytes) for _ in range(3))
        if not self.ctx.cairn:
            cairn_e.unavailable(self.ctx.cairn_reason)
        for r in range(self.runs):
            self.log(f"import run {r + 1}/{self.runs}")
            c = self.cairn("cairn-import")
            if c and cairn_e.status == "ok":
                if os.path.exists(c.home):
                    shutil.rmtree(c.home)
                if cairn_e.add(run(c.import_maildir(self.corpus), env=c.env())):
                    cairn_e.extra.update(c.sizes())
                    self.cairn_home = c.home
            env, db = self._nm("notmuch-import", self.corpus)
            if nm_e.add(run(["notmuch", "new"], env=env)):
                nm_e.extra["index_bytes"] = dir_size(db)
            muhome = _fresh(os.path.join(self.dir, "mu-import"))
            init = run(peers.mu_init_cmd(muhome, self.corpus))
            if init.ok and mu_e.add(run(peers.mu_index_cmd(muhome))):
                mu_e.extra["index_bytes"] = dir_size(muhome)
            elif not init.ok:
                mu_e.unavailable(f"mu init: {_first_line(init.stderr)}")
        self._store("import", "cairn import maildir", cairn_e)
        self._store("import", "notmuch new", nm_e)
        self._store("import", "mu index", mu_e)
        self.notmuch_env = env
        self.muhome = muhome

    # -- first sync and no-change re-sync ----------------------------------------------------------------

    def step_sync(self):
        """cairn sync vs mbsync (+ notmuch new, + mu index) from an empty local side; then re-syncs."""
        s = self.server
        cairn_e = Entry(self.messages, self.bytes)
        mb_e, mbnm_e, mbmu_e = (Entry(self.messages, self.bytes) for _ in range(3))
        if not self.ctx.cairn:
            cairn_e.unavailable(self.ctx.cairn_reason)
        local = os.path.join(self.dir, "mbsync-local")
        rc = peers.mbsync_config(os.path.join(self.dir, "mbsyncrc"), s, local)
        c = self.cairn("cairn-sync")
        for r in range(self.runs):
            self.log(f"first sync run {r + 1}/{self.runs}")
            if c and cairn_e.status == "ok":
                if os.path.exists(c.home):
                    shutil.rmtree(c.home)
                add = run(c.account_add(s), env=c.env(s))
                if not add.ok:
                    cairn_e.unavailable(f"account add: exit {add.rc}: {_first_line(add.stderr)}")
                elif cairn_e.add(run(c.sync(), env=c.env(s))):
                    cairn_e.extra.update(c.sizes())
            _fresh(local)
            mb = run(["mbsync", "-c", rc, "-a"])
            if not mb_e.add(mb) or not self.ctx.pipelines:
                continue
            env, db = self._nm("notmuch-sync", local)
            nm = run(["notmuch", "new"], env=env)
            mbnm_e.add(mb, nm)
            muhome = _fresh(os.path.join(self.dir, "mu-sync"))
            init = run(peers.mu_init_cmd(muhome, local))
            if init.ok:
                mbmu_e.add(mb, run(peers.mu_index_cmd(muhome)))
        self._store("first sync", "cairn sync", cairn_e)
        self._store("first sync", "mbsync", mb_e)
        if self.ctx.pipelines:
            self._store("first sync", "mbsync + notmuch new", mbnm_e)
            self._store("first sync", "mbsync + mu index", mbmu_e)

        folders = len(self.truth["folders"])
        re_c, re_mb = Entry(self.messages, self.bytes), Entry(self.messages, self.bytes)
        re_c.extra["folders"] = re_mb.extra["folders"] = folders
        if not (c and cairn_e.status == "ok"):
            re_c.unavailable(cairn_e.reason or self.ctx.cairn_reason)
        for r in range(self.runs):
            self.log(f"no-change re-sync run {r + 1}/{self.runs}")
            if re_c.status == "ok":
                re_c.add(run(c.sync(), env=c.env(s)))
            if mb_e.status == "ok":
                re_mb.add(run(["mbsync", "-c", rc, "-a"]))
        self._store("no-change re-sync", "cairn sync", re_c)
        self._store("no-change re-sync", "mbsync", re_mb)

    # -- fetch and decode throughput ------------------------------------------------------------------------

    def step_fetch(self):
        """Fetch every body of every folder: ``cairn sync --fetch-only`` (the sync's connections and
        pipelined fetch, bytes counted and discarded, nothing archived) side by side with mbsync
        fetching the same server into an empty Maildir (the peer issue 4's goal is set against), and
        Python's imaplib as the server's ceiling for a simple client."""
        s = self.server
        cairn_e, mb_e, py_e = (Entry(self.messages, self.bytes) for _ in range(3))
        c = self.cairn("cairn-fetch")
        if not c:
            cairn_e.unavailable(self.ctx.cairn_reason)
        else:
            if os.path.exists(c.home):
                shutil.rmtree(c.home)
            add = run(c.account_add(s), env=c.env(s))
            if not add.ok:
                cairn_e.unavailable(f"account add: exit {add.rc}: {_first_line(add.stderr)}")
        local = os.path.join(self.dir, "mbsync-fetch-local")
        rc = peers.mbsync_config(os.path.join(self.dir, "mbsyncrc-fetch"), s, local)
        for r in range(self.runs):
            self.log(f"fetch run {r + 1}/{self.runs}")
            if c and cairn_e.status == "ok":
                res = run(c.fetch_only(), env=c.env(s), capture=True)
                if cairn_e.add(res):
                    counted = parse_fetch_only(res.stdout.decode("utf-8", "replace"))
                    if counted:
                        cairn_e.extra["counted_messages"], cairn_e.extra["counted_bytes"] = counted
                    if counted and counted[0] != self.messages:
                        self.results["notes"].append(f"cairn sync --fetch-only counted {counted[0]} messages, "
                                                     f"the corpus has {self.messages}")
            _fresh(local)
            mb_e.add(run(["mbsync", "-c", rc, "-a"]))
            py_e.add(run([sys.executable, os.path.join(HERE, "imapfetch.py"), "127.0.0.1", str(s.port), s.user,
                          s.password]))
        if os.path.exists(local):
            shutil.rmtree(local)
        self._store("fetch", "cairn sync --fetch-only", cairn_e)
        self._store("fetch", "mbsync (into an empty Maildir)", mb_e)
        self._store("fetch", "python imaplib (reference)", py_e)

    def step_decode(self):
        """Decode every message: cairn inspect over batches of files vs Python's email package."""
        files = [os.path.join(self.corpus, c["path"]) for m in self.truth["messages"] for c in m["copies"]]
        listing = os.path.join(self.dir, "files.txt")
        with open(listing, "w") as f:
            f.write("\n".join(files) + "\n")
        cairn_e, py_e = Entry(self.messages, self.bytes), Entry(self.messages, self.bytes)
        if not self.ctx.cairn:
            cairn_e.unavailable(self.ctx.cairn_reason)
        for r in range(self.runs):
            self.log(f"decode run {r + 1}/{self.runs}")
            if cairn_e.status == "ok":
                c = Cairn(self.ctx.cairn, "")
                batch = [run(c.inspect(files[i:i + 500])) for i in range(0, len(files), 500)]
                if not cairn_e.add(*batch):
                    cairn_e.reason = "cairn inspect of several files: " + cairn_e.reason
            py_e.add(run([sys.executable, os.path.join(HERE, "pydecode.py"), listing]))
        self._store("decode", "cairn inspect (500 files a process)", cairn_e)
        self._store("decode", "python email (reference)", py_e)

    # -- queries ------------------------------------------------------------------------------------------------

    def step_queries(self):
        """12 queries, count and full list, warm (median of runs after one warm-up) and cold."""
        qs = expand(top_sender(self.truth["messages"]))
        cold_ok = self.ctx.cold and drop_caches()
        self.results["cold"] = "page cache dropped before each cold run" if cold_ok else \
            "cold = first run after the database was reopened (could not drop caches)"
        c = Cairn(self.ctx.cairn, self.cairn_home) if self.ctx.cairn and self.cairn_home else None
        nm_env, muhome = self.notmuch_env, self.muhome
        for q in qs:
            self.log(f"query {q['id']}: {q['cairn']}")
            entry = {"id": q["id"], "label": q["label"], "text": {t: q[t] for t in ("cairn", "notmuch", "mu")},
                     "truth": truth_count(self.truth, q["term"]), "tools": {}}
            variants = {
                "notmuch count": (["notmuch", "count", q["notmuch"]], nm_env, parse_count),
                "notmuch search": (["notmuch", "search", "--output=messages", q["notmuch"]], nm_env, count_lines),
                "mu find": (["mu", "find", f"--muhome={muhome}", q["mu"], "--fields=i"], None, count_lines),
            }
            if c:
                variants = {"cairn count": (c.count(q["cairn"]), c.env(), parse_count),
                            "cairn search": (c.search_ids(q["cairn"]), c.env(), count_lines), **variants}
            else:
                reason = self.ctx.cairn_reason if not self.ctx.cairn else "the import step did not build an archive"
                entry["tools"]["cairn count"] = entry["tools"]["cairn search"] = {
                    "status": "not available yet", "reason": reason}
            for name, (cmd, env, parse) in variants.items():
                entry["tools"][name] = self._query(cmd, env, parse, name.startswith("mu"), cold_ok)
            self.results["queries"].append(entry)
        self.results["start"] = self._process_start(c, nm_env)

    def _process_start(self, c, nm_env):
        """Each tool's process start alone (`--version`: no database opened), the floor under every
        query's latency: median wall time of 20 runs after one warm-up."""
        commands = {"notmuch": (["notmuch", "--version"], nm_env), "mu": (["mu", "--version"], None)}
        if c:
            commands = {"cairn": ([self.ctx.cairn, "--version"], c.env()), **commands}
        start = {}
        for name, (cmd, env) in commands.items():
            if not run(cmd, env=env, capture=True).ok:
                continue
            start[name] = summarize([run(cmd, env=env, capture=True).wall for _ in range(20)])
        return start

    def _query(self, cmd, env, parse, is_mu, cold_ok):
        def once():
            r = run(cmd, env=env, capture=True)
            if is_mu and r.rc in (2, 4) and "no matches" in r.stderr:
                r.rc, r.stdout = 0, b""
            return r
        first = once()
        if not first.ok:
            return {"status": "not available yet", "reason": f"exit {first.rc}: {_first_line(first.stderr)}"}
        results = parse(first.stdout.decode("utf-8", "replace"))
        warm = [once() for _ in range(self.runs)]
        cold = []
        for _ in range(self.runs if cold_ok else 0):
            drop_caches()
            cold.append(once())
        if not cold:
            cold = [first]
        return {"status": "ok", "results": results,
                "warm": summarize([r.wall for r in warm]), "cold": summarize([r.wall for r in cold]),
                "peak_rss": max(r.peak_rss for r in warm + cold)}

    # -- search accuracy against the truth -------------------------------------------------------------------

    def step_accuracy(self):
        """Every planted term searched in each tool; results compared with the truth (see accuracy.py)."""
        tools = {}
        if self.ctx.cairn and self.cairn_home:
            c = Cairn(self.ctx.cairn, self.cairn_home)
            tools["cairn search"] = (c.search_ids, c.env(), "ids")
        tools["notmuch search"] = (lambda q: ["notmuch", "search", "--output=files", q], self.notmuch_env, "files")
        tools["mu find"] = (lambda q: ["mu", "find", f"--muhome={self.muhome}", q, "--fields=l"], None, "files")
        self.log("accuracy: every planted term in every tool")
        self.results["accuracy"] = accuracy.measure(self, tools)

    # -- export and verify ------------------------------------------------------------------------------------

    def step_export(self):
        """Everything to one mbox: cairn export --mbox vs notmuch show --format=mbox '*'."""
        out = os.path.join(self.dir, "export.mbox")
        cairn_e, nm_e = Entry(self.messages, self.bytes), Entry(self.messages, self.bytes)
        c = Cairn(self.ctx.cairn, self.cairn_home) if self.ctx.cairn and self.cairn_home else None
        if not c:
            cairn_e.unavailable(self.ctx.cairn_reason or "the import step did not build an archive")
        for r in range(self.runs):
            self.log(f"export run {r + 1}/{self.runs}")
            if c and cairn_e.status == "ok":
                if os.path.exists(out):
                    os.remove(out)
                if cairn_e.add(run(c.export_mbox(out), env=c.env())):
                    cairn_e.extra["output_bytes"] = os.path.getsize(out)
            if nm_e.add(run(["notmuch", "show", "--format=mbox", "*"], env=self.notmuch_env, stdout=out)):
                nm_e.extra["output_bytes"] = os.path.getsize(out)
        if os.path.exists(out):
            os.remove(out)
        self._store("export to mbox", "cairn export --mbox", cairn_e)
        self._store("export to mbox", "notmuch show --format=mbox", nm_e)

    def step_verify(self):
        """cairn verify (re-hash every message, walk the audit chain, compare store and index), and
        its yardstick: reading every stored message's bytes out of the archive twice."""
        e, ref = Entry(self.messages, self.bytes), Entry(self.messages, self.bytes)
        c = Cairn(self.ctx.cairn, self.cairn_home) if self.ctx.cairn and self.cairn_home else None
        if not c:
            e.unavailable(self.ctx.cairn_reason or "the import step did not build an archive")
            ref.unavailable(e.reason)
        reader = [sys.executable, os.path.join(HERE, "readstore.py")]
        for r in range(self.runs):
            if e.status != "ok":
                break
            self.log(f"verify run {r + 1}/{self.runs}")
            e.add(run(c.verify(), env=c.env()))
            ref.add(run(reader + [c.home]), run(reader + [c.home]))
        self._store("verify", "cairn verify", e)
        self._store("verify", READ_TWICE, ref)
