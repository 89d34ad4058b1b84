"""Reads every stored message's bytes out of a Cairn archive, as an export would: each chunk in
order, inflated (raw deflate) when compressed, bytes discarded. The reference that `cairn verify`
is held to (issue #8: verify takes less time than reading the archive's bytes twice).

Usage: readstore.py ARCHIVE_HOME  (prints the bytes read)
"""
import os
import sqlite3
import sys
import zlib


def main():
    path = os.path.join(sys.argv[1], "cairn.sqlite")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    total = 0
    for method, data in db.execute("SELECT method, data FROM message_chunk ORDER BY message, seq"):
        total += len(zlib.decompress(data, -15) if method == 1 else data)
    print(total)


if __name__ == "__main__":
    main()
