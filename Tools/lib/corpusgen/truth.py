"""The ground truth: one record per distinct message, written as a stream, plus a term index."""

import hashlib
import json

from . import dates
from .terms import FIELDS, TERMS

TRUTH_VERSION = 1


def cairn_id(data):
    """Cairn's message id: SHA-256 of the bytes with every bare LF made CRLF (CLI.md)."""
    return hashlib.sha256(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")).hexdigest()


def sha256_hex(data):
    """Lowercase hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def message_truth(plan, data, head, parts, attachments, occ, structure, body_kind, notes, from_lines):
    """The truth record of one message (copies are added by the layout writer)."""
    thread = plan.thread
    return {
        "index": plan.index,
        "message_id": head.get("message_id"),
        "thread": {"number": thread.number, "root": thread.root_mid, "root_in_corpus": thread.root_present,
                   "parent": plan.parent_mid or None, "link": plan.link, "parent_missing": plan.parent_missing,
                   "references": plan.references if plan.link in ("both", "references") else []},
        "from": head.get("from", []),
        "to": head.get("to", []),
        "cc": head.get("cc", []),
        "subject": head.get("subject"),
        "subject_encoding": head.get("subject_encoding"),
        "date": head.get("date"),
        "date_header": head.get("date_header"),
        "date_style": plan.date_style,
        "received": dates.utc_iso(plan.delivered),
        "list_id": head.get("list_id"),
        "language": plan.lang,
        "mailer": plan.profile,
        "structure": structure,
        "body": body_kind,
        "text_parts": parts,
        "attachments": attachments,
        "size": len(data),
        "size_crlf": len(data) + data.count(b"\n") - data.count(b"\r\n"),
        "crlf": plan.crlf,
        "sha256": hashlib.sha256(data).hexdigest(),
        "id": cairn_id(data),
        "from_lines": from_lines,
        "malformed": sorted(plan.malformed),
        "malformed_notes": notes,
        "raw_header_charsets": {k: head[k] for k in ("subject_raw_charset", "from_raw_charset") if k in head},
        "missing_headers": head.get("missing", []),
        "terms": occ,
        "copies": [],
        "duplicate": False,
    }


class TermIndex:
    """For every planted term: which messages a correct search finds, per query field."""

    def __init__(self):
        self.by_term = {t.text: {f: set() for f in FIELDS} | {"decoy": set()} for t in TERMS}

    def add(self, record):
        """Count the occurrences of one message."""
        i = record["index"]
        for o in record["terms"]:
            words = [o["term"]] + (o["term"].split(" ") if " " in o["term"] else [])
            for w in words:
                sets = self.by_term[w]
                if not o["visible"]:
                    sets["decoy"].add(i)
                    continue
                for field, places in FIELDS.items():
                    if o["where"] in places:
                        sets[field].add(i)

    def summary(self):
        """The ``terms`` object of the truth file."""
        out = {}
        for t in TERMS:
            sets = self.by_term[t.text]
            free = sets["free"]
            entry = {
                "script": t.script, "phrase": t.is_phrase, "note": t.note,
                "rate": t.rate, "exact": t.exact or None, "places": list(t.places),
                "messages": {f: sorted(s) for f, s in sets.items() if f != "decoy"},
                "count": len(set().union(*(v for k, v in sets.items() if k != "decoy"))),
                "decoys": sorted(sets["decoy"] - free),
            }
            if t.fold_group:
                entry["fold_group"] = t.fold_group
            out[t.text] = entry
        groups = {}
        for t in TERMS:
            if t.fold_group:
                groups.setdefault(t.fold_group, set()).update(self.by_term[t.text]["free"])
        return out, {g: sorted(s) for g, s in groups.items()}


class TruthWriter:
    """Writes the truth JSON as a stream: header, one message record per line, then the summaries."""

    def __init__(self, path, header):
        self.f = open(path, "w", encoding="utf-8")
        self.first = True
        head = json.dumps(header, ensure_ascii=False, sort_keys=True)
        self.f.write(head[:-1] + ', "messages": [\n')

    def write(self, record):
        """Append one message record."""
        if not self.first:
            self.f.write(",\n")
        self.first = False
        self.f.write(json.dumps(record, ensure_ascii=False, sort_keys=True))

    def close(self, tail):
        """Write the closing summaries (``tail`` is a dict) and close the file."""
        self.f.write("\n]")
        for k in sorted(tail):
            self.f.write(f",\n{json.dumps(k)}: {json.dumps(tail[k], ensure_ascii=False, sort_keys=True)}")
        self.f.write("\n}\n")
        self.f.close()
