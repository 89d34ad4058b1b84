"""Search accuracy against the generator's truth: for every planted term, what each tool finds.

A tool's answer (message files, or Cairn ids) is mapped back to the truth's messages; the report shows
found / expected, and explains each miss by where the term was (text attachment, HTML-only, ...) and
each extra result (hidden HTML decoy, file name, accent folding).
"""

import collections
import os

from .runner import run

_QUOTE = {True: '"{}"', False: "{}"}


def _query(term):
    return _QUOTE[" " in term].format(term)


def _classify_extra(truth, term, index):
    entry = truth["terms"][term]
    if index in entry["decoys"]:
        return "hidden HTML"
    if index in entry["messages"]["filename"]:
        return "file name"
    group = entry.get("fold_group")
    if group and index in truth["fold_groups"].get(group, ()):
        return "accent folding"
    return "other"


def measure(bench, tools):
    """``tools``: {name: (command for a query, env, 'files'|'ids')}; returns the accuracy records."""
    truth = bench.truth
    by_path = {os.path.join(bench.corpus, c["path"]): m["index"] for m in truth["messages"] for c in m["copies"]}
    by_id = {m["id"]: m["index"] for m in truth["messages"]}
    records = []
    for term, entry in truth["terms"].items():
        want = set(entry["messages"]["free"])
        rec = {"term": term, "truth": len(want), "tools": {}}
        for name, (make_cmd, env, kind) in tools.items():
            r = run(make_cmd(_query(term)), env=env, capture=True)
            if r.rc != 0 and not (name.startswith("mu") and "no matches" in r.stderr):
                rec["tools"][name] = {"status": "not available yet", "reason": f"exit {r.rc}"}
                continue
            lines = [x.strip() for x in r.stdout.decode("utf-8", "replace").splitlines() if x.strip()]
            table = by_path if kind == "files" else by_id
            found = {table[x] for x in lines if x in table}
            missed = want - found
            extra = found - want
            places = collections.Counter()
            for i in missed:
                wheres = {o["where"] for o in truth["messages"][i]["terms"]
                          if o["visible"] and term in (o["term"], *o["term"].split(" "))}
                places[" + ".join(sorted(wheres))] += 1
            kinds = collections.Counter(_classify_extra(truth, term, i) for i in extra)
            rec["tools"][name] = {"status": "ok", "found": len(found & want), "missed": len(missed),
                                  "extra": len(extra), "missed_by_place": dict(places), "extra_by_kind": dict(kinds),
                                  "unmapped": len([x for x in lines if x not in table])}
        records.append(rec)
    return records


def cell(t):
    """One report cell: found/expected, what was missed, what was extra."""
    if not t or t.get("status") != "ok":
        return "pending"
    parts = [f"{t['found']}"]
    if t["missed"]:
        parts.append("missed " + ", ".join(f"{k} {v}" for k, v in sorted(t["missed_by_place"].items())))
    if t["extra"]:
        parts.append("+" + ", ".join(f"{v} {k}" for k, v in sorted(t["extra_by_kind"].items())))
    return "; ".join(parts)
