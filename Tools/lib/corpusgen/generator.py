"""The main loop: plan, build, write, record; memory stays flat whatever the count."""

import collections
import os
import random
import sys
import time

from . import GENERATOR_VERSION
from .builder import MessageBuilder
from .folders import folder_names
from .layout import MaildirWriter, MboxWriter
from .people import OWNER
from .planner import Planner
from .terms import FIELDS
from .truth import TRUTH_VERSION, TermIndex, TruthWriter, cairn_id, sha256_hex
from .vocab import Vocabulary

FORMATS = ("maildir", "mbox", "dovecot")


def _header(opts, folders, writer):
    return {
        "generator": "Tools/gen-corpus", "generator_version": GENERATOR_VERSION, "truth_version": TRUTH_VERSION,
        "seed": opts.seed, "count": opts.count, "format": opts.format, "max_attachment_mb": opts.max_attachment_mb,
        "folders": [{"name": f, "path": writer.folder_path(f)} for f in folders],
        "owner": {"name": OWNER.name, "address": OWNER.address},
        "fields": {k: list(v) for k, v in FIELDS.items()},
    }


def generate(opts, log=sys.stderr):
    """Write the corpus described by ``opts`` (count, seed, format, out, folders, max_attachment_mb,
    truth) and return summary statistics."""
    started = time.monotonic()
    vocab = Vocabulary()
    folders = folder_names(opts.folders)
    os.makedirs(opts.out, exist_ok=True)
    if opts.format == "mbox":
        writer = MboxWriter(opts.out, folders)
    else:
        writer = MaildirWriter(opts.out, folders, dovecot=opts.format == "dovecot")
    planner = Planner(vocab, opts.seed, opts.count, folders)
    builder = MessageBuilder(vocab, opts.max_attachment_mb * 1024 * 1024)
    truth = TruthWriter(opts.truth, _header(opts, folders, writer)) if opts.truth else None
    index = TermIndex()
    stats = collections.Counter()
    per_folder = collections.Counter()
    step = max(1, opts.count // 10)
    for i in range(opts.count):
        plan = planner.plan(i)
        if opts.format == "mbox":
            plan.crlf = False
        data, rec = builder.build(plan)
        if opts.format == "mbox" and not data.endswith(b"\n"):
            data += b"\n"   # an mbox cannot hold a message without its final newline
            rec.update(size=len(data), size_crlf=len(data) + data.count(b"\n"), sha256=sha256_hex(data),
                       id=cairn_id(data))
            rec["malformed_notes"]["final_newline_added_for_mbox"] = True
        wrng = random.Random(f"cairn-layout:{opts.seed}:{i}")
        copies = [(plan.folder, plan.flags, plan.in_new)]
        if plan.duplicate_folder:
            copies.append((plan.duplicate_folder, "S", False))
        for folder, flags, in_new in copies:
            if opts.format == "mbox":
                sender = rec["from"][0]["address"] if rec["from"] else "MAILER-DAEMON"
                path, written = writer.write(folder, data, plan.delivered, flags, in_new, wrng, sender)
            else:
                path, written = writer.write(folder, data, plan.delivered, flags, in_new, wrng)
            rec["copies"].append({"folder": folder, "path": path, "flags": written})
            per_folder[folder] += 1
            stats["files"] += 1
            stats["bytes"] += len(data)
        rec["duplicate"] = len(copies) > 1
        stats["messages"] += 1
        stats["duplicates"] += rec["duplicate"]
        stats["malformed"] += bool(rec["malformed"])
        stats["with_attachments"] += bool(rec["attachments"])
        stats[f"structure:{rec['structure']}"] += 1
        for p in rec["text_parts"]:
            stats[f"charset:{p['charset']}"] += 1
            stats[f"encoding:{p['encoding']}"] += 1
        index.add(rec)
        if truth:
            truth.write(rec)
        if log and not opts.quiet and (i + 1) % step == 0:
            log.write(f"gen-corpus: {i + 1}/{opts.count} messages\n")
            log.flush()
    writer.close()
    terms, groups = index.summary()
    elapsed = time.monotonic() - started
    summary = dict(sorted(stats.items()))
    summary["folders"] = dict(sorted(per_folder.items()))
    if truth:
        truth.close({"terms": terms, "fold_groups": groups, "summary": summary})
    if log and not opts.quiet:
        log.write(f"gen-corpus: wrote {stats['messages']} messages ({stats['files']} files, "
                  f"{stats['bytes'] / 1e6:.1f} MB) to {opts.out} in {elapsed:.1f} s\n")
    summary["seconds"] = elapsed
    return summary
