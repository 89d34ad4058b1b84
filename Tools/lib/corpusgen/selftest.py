"""``Tools/gen-corpus --self-test``: determinism, and an independent read-back of everything written.

Checks, on small corpora in every format:
- the same arguments give byte-identical trees (names, bytes, mtimes) and truth files; another
  seed gives a different corpus;
- Python's ``mailbox`` lists exactly the files / messages the truth names, with its flags, and the
  bytes hash to the truth's sha256 and Cairn id (mbox: after undoing mboxrd escaping);
- Python's ``email`` finds every planted term exactly where the truth says, and nowhere else
  (decoys in hidden HTML markup included), reads the Date headers to the truth's UTC instant, and the
  threading headers point where the truth says;
- the corpus covers every structure, charset, transfer encoding and malformation it claims to.
"""

import argparse
import email
import email.policy
import email.utils
import hashlib
import json
import mailbox
import os
import shutil
import subprocess
import sys
import tempfile
import time

from .charsets import ALL_CHARSETS
from .folders import mutf7_decode
from .generator import generate
from .layout import mboxrd_unescape
from .oracle import terms_found
from .planner import MALFORMED_KINDS
from .truth import cairn_id

SEED = 7
COUNT = 1500
FOLDERS = 14


class Failure(Exception):
    """A self-test check that did not hold."""


def _check(cond, what):
    if not cond:
        raise Failure(what)


def _opts(out, fmt, seed=SEED, count=COUNT, truth=None):
    return argparse.Namespace(count=count, seed=seed, format=fmt, out=out, folders=FOLDERS,
                              max_attachment_mb=0.25, truth=truth, quiet=True)


def _tree(root):
    """{relative path: (sha256, mtime)} of every file under ``root``."""
    out = {}
    for d, _, files in os.walk(root):
        for f in files:
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, root)] = (hashlib.sha256(fh.read()).hexdigest(), int(os.stat(p).st_mtime))
    return out


def _sha(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def check_determinism(tmp, fmt):
    a, b, c = (os.path.join(tmp, f"{fmt}-{x}") for x in "abc")
    generate(_opts(a, fmt, truth=a + ".json"))
    # The second run is another process with another hash seed: set order must not leak into output.
    tool = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                        "gen-corpus")
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run([sys.executable, tool, "--count", str(COUNT), "--seed", str(SEED), "--format", fmt,
                    "--out", b, "--folders", str(FOLDERS), "--max-attachment-mb", "0.25", "--truth",
                    b + ".json", "--quiet"], check=True, env=env)
    _check(_tree(a) == _tree(b), f"{fmt}: two runs with one seed wrote different trees")
    _check(_sha(a + ".json") == _sha(b + ".json"), f"{fmt}: two runs with one seed wrote different truth")
    generate(_opts(c, fmt, seed=SEED + 1, count=200))
    generate(_opts(c + "-small", fmt, seed=SEED, count=200))
    _check(_tree(c) != _tree(c + "-small"), f"{fmt}: another seed wrote the same corpus")
    return a, a + ".json"


def _load_truth(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _message_bytes(root, fmt, truth):
    """{copy path: bytes} read through Python's mailbox module."""
    out = {}
    folder_dirs = {f["path"]: f["name"] for f in truth["folders"]}
    if fmt == "mbox":
        for rel in folder_dirs:
            box = mailbox.mbox(os.path.join(root, rel), create=False)
            for key in box.iterkeys():
                off = box._toc[key][0]   # offset of the From_ line, as the truth records it
                out[f"{rel}@{off}"] = mboxrd_unescape(box.get_bytes(key))
            box.close()
        return out
    md = mailbox.Maildir(root, factory=None, create=False)
    boxes = {"": md}
    for name in md.list_folders():
        boxes["." + name] = md.get_folder(name)
        shown = mutf7_decode(name) if fmt == "dovecot" else name
        _check(("." + name) in folder_dirs and folder_dirs["." + name] == shown.replace(".", "/"),
               f"{fmt}: unexpected folder directory {name!r}")
    for rel, box in boxes.items():
        for key in box.iterkeys():
            msg = box.get_message(key)
            sub = box._toc[key]
            path = os.path.join(rel, sub) if rel else sub
            out[path] = (box.get_bytes(key), msg.get_flags(), msg.get_subdir())
    return out


def check_readback(root, fmt, truth):
    files = _message_bytes(root, fmt, truth)
    expected = {}
    for m in truth["messages"]:
        for c in m["copies"]:
            expected[c["path"]] = (m, c)
    _check(set(files) == set(expected), f"{fmt}: mailbox lists {len(files)} messages, truth {len(expected)}")
    for path, got in files.items():
        m, copy = expected[path]
        data = got if fmt == "mbox" else got[0]
        _check(hashlib.sha256(data).hexdigest() == m["sha256"], f"{fmt}: {path}: bytes differ from truth")
        _check(cairn_id(data) == m["id"], f"{fmt}: {path}: id differs")
        if fmt != "mbox":
            _check(got[1] == copy["flags"], f"{fmt}: {path}: flags {got[1]!r} != {copy['flags']!r}")
    return files


def _truth_fields(truth, m):
    fields = {}
    for term, entry in truth["terms"].items():
        for field, ids in entry["messages"].items():
            if field != "free" and m["index"] in ids:
                fields.setdefault(term, set()).add(field)
    return fields


def check_terms_and_headers(fmt, truth, files):
    index_of = {c["path"]: m for m in truth["messages"] for c in m["copies"]}
    all_ids = {m["message_id"] for m in truth["messages"] if m["message_id"]}
    owners = {}
    checked = 0
    for path, got in files.items():
        data = got if fmt == "mbox" else got[0]
        m = index_of[path]
        msg = email.message_from_bytes(data, policy=email.policy.default)
        if m["malformed"]:
            for part in msg.walk():   # must not raise
                part.get_content_type()
            continue
        found = terms_found(data)
        want = _truth_fields(truth, m)
        _check(found == want, f"{fmt}: message {m['index']} ({path}): reader found {found}, truth says {want}")
        if m["date"] and m["date_style"] != "utc-z-iso":
            dt = email.utils.parsedate_to_datetime(m["date_header"])
            got_date = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(dt.timestamp()))
            _check(got_date == m["date"], f"{fmt}: message {m['index']}: Date {m['date_header']!r} -> "
                                          f"{got_date}, truth {m['date']}")
        _check(str(msg["subject"]) == m["subject"], f"{fmt}: message {m['index']}: subject "
                                                    f"{str(msg['subject'])!r} != {m['subject']!r}")
        t = m["thread"]
        if t["link"] in ("both", "in-reply-to"):
            _check(str(msg["in-reply-to"]).strip() == t["parent"], f"{fmt}: {m['index']}: In-Reply-To")
        if t["parent"] and t["link"] != "subject-only":
            _check((t["parent"] in all_ids) != t["parent_missing"],
                   f"{fmt}: message {m['index']}: parent present/missing contradicts the truth")
        owners.setdefault(m["message_id"], set()).add(m["index"])
        checked += 1
    _check(all(len(v) == 1 for v in owners.values()), f"{fmt}: a Message-ID is shared by distinct messages")
    return checked


def check_coverage(truth):
    s = truth["summary"]
    for cs in ALL_CHARSETS:
        _check(s.get(f"charset:{cs}", 0) > 0, f"no text part in charset {cs}")
    for enc in ("7bit", "8bit", "base64", "quoted-printable"):
        _check(s.get(f"encoding:{enc}", 0) > 0, f"no text part in {enc}")
    for st in ("plain", "alternative", "html", "mixed", "related", "forward"):
        _check(s.get(f"structure:{st}", 0) > 0, f"no {st} message")
    kinds = {k for m in truth["messages"] for k in m["malformed"]}
    _check(kinds == set(MALFORMED_KINDS), f"malformations present: {sorted(kinds)}")
    _check(s["duplicates"] > 0, "no duplicate")
    for term, entry in truth["terms"].items():
        _check(entry["count"] > 0, f"planted term {term!r} is in no message")
        if entry["exact"]:
            _check(entry["count"] == entry["exact"], f"{term!r}: {entry['count']} messages, want {entry['exact']}")
    _check(truth["terms"]["glimmerfax"]["decoys"], "no hidden-markup decoy")
    links = {m["thread"]["link"] for m in truth["messages"]}
    _check({"both", "subject-only", "root"} <= links, f"thread links: {links}")
    _check(any(m["thread"]["parent_missing"] for m in truth["messages"]), "no reply with a missing parent")
    _check(any(m["from_lines"] for m in truth["messages"]), "no body with From_ lines")
    _check(any(m["crlf"] for m in truth["messages"]), "no CRLF message") if truth["format"] != "mbox" else None


def run_self_test():
    """Run every check; print one line per step; exit status 0 when all hold."""
    tmp = tempfile.mkdtemp(prefix="gen-corpus-selftest-")
    started = time.monotonic()
    try:
        for fmt in ("maildir", "dovecot", "mbox"):
            root, truth_path = check_determinism(tmp, fmt)
            print(f"self-test: {fmt}: deterministic (same seed, same bytes; other seed differs)")
            truth = _load_truth(truth_path)
            files = check_readback(root, fmt, truth)
            print(f"self-test: {fmt}: Python's mailbox reads back {len(files)} messages with truth's bytes and flags")
            n = check_terms_and_headers(fmt, truth, files)
            print(f"self-test: {fmt}: Python's email finds every planted term exactly as the truth says "
                  f"({n} well-formed message copies; dates, subjects, threading checked)")
            check_coverage(truth)
            print(f"self-test: {fmt}: covers every charset, encoding, structure and malformation")
        print(f"self-test: passed in {time.monotonic() - started:.1f} s")
        return 0
    except Failure as e:
        print(f"self-test: FAILED: {e}")
        return 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
