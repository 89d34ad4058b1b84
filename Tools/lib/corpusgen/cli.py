"""Command line of Tools/gen-corpus."""

import argparse
import os
import sys

from .generator import FORMATS, generate

USAGE_EPILOG = """
formats:
  maildir  a Maildir (cur/new/tmp); with --folders N > 1 a Maildir++ tree, folder directories in UTF-8
           (.Sent, .Lists.cairn-dev, .Entwürfe)
  dovecot  the same tree with folder directories in IMAP modified UTF-7 (.Entw&APw-rfe), ready to be
           a Dovecot mail home's Maildir
  mbox     one mboxrd file per folder under DIR (INBOX.mbox, Lists/cairn-dev.mbox, ...)

The same arguments always give byte-identical output. See Tools/lib/corpusgen/README.md for the
truth file and the planted terms.
"""


def parse_args(argv):
    p = argparse.ArgumentParser(prog="gen-corpus", description="Generate a deterministic, realistic mail "
                                "corpus with a ground-truth file.", epilog=USAGE_EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, default=1000, help="messages to generate (default 1000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--format", choices=FORMATS, default="maildir", help="output layout (default maildir)")
    p.add_argument("--out", help="output directory (created; must be empty)")
    p.add_argument("--folders", type=int, default=1, help="number of folders (default 1: INBOX only)")
    p.add_argument("--max-attachment-mb", type=float, default=8.0,
                   help="largest attachment in MB (default 8)")
    p.add_argument("--truth", help="write the ground truth (JSON) to this file")
    p.add_argument("--quiet", action="store_true", help="no progress on standard error")
    p.add_argument("--self-test", action="store_true",
                   help="check determinism and parse everything back with Python's email/mailbox")
    opts = p.parse_args(argv)
    if opts.self_test:
        return opts
    if not opts.out:
        p.error("--out DIR is required")
    if opts.count < 0 or opts.folders < 1 or opts.max_attachment_mb <= 0:
        p.error("--count must be >= 0, --folders >= 1, --max-attachment-mb > 0")
    if os.path.exists(opts.out) and (not os.path.isdir(opts.out) or os.listdir(opts.out)):
        p.error(f"{opts.out} exists and is not an empty directory")
    return opts


def main(argv=None):
    opts = parse_args(sys.argv[1:] if argv is None else argv)
    if opts.self_test:
        from .selftest import run_self_test
        return run_self_test()
    generate(opts)
    return 0
