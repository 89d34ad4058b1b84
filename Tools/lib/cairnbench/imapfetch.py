#!/usr/bin/env python3
"""Reference fetcher for the bench (and the server warm-up): Python's imaplib logs in, and for every
folder SELECTs it and fetches UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[] of every message, 500 at
a time, discarding the bytes. Prints `messages bytes`. The server's ceiling for one connection, one
command in flight: no parsing beyond imaplib's, nothing written."""

import imaplib
import re
import sys

BATCH = 500


def main(host, port, user, password):
    c = imaplib.IMAP4(host, int(port))
    c.login(user, password)
    typ, boxes = c.list()
    names = []
    for line in boxes:
        m = re.match(rb'\((?P<flags>[^)]*)\) "(?P<sep>[^"]*)" (?P<name>.+)$', line)
        if m and b"\\Noselect" not in m.group("flags"):
            names.append(m.group("name").decode("ascii"))
    n = total = 0
    for name in names:
        typ, data = c.select(name if name.startswith('"') else f'"{name}"', readonly=True)
        exists = int(data[0])
        for start in range(1, exists + 1, BATCH):
            end = min(exists, start + BATCH - 1)
            typ, items = c.fetch(f"{start}:{end}", "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])")
            for it in items:
                if isinstance(it, tuple):
                    n += 1
                    total += len(it[1])
        c.close()
    c.logout()
    print(n, total)


if __name__ == "__main__":
    main(*sys.argv[1:5])
