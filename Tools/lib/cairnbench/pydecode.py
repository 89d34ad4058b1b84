#!/usr/bin/env python3
"""Reference decoder for the bench: Python's email package decodes every message file listed in a file
(one path a line): headers, every text part to Unicode (HTML to visible text), attachments to bytes.
Prints `messages bytes` at the end. Run as its own process so that the bench measures it whole."""

import email
import email.policy
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from corpusgen.oracle import visible_html_text  # noqa: E402


def main(listing):
    n = total = 0
    with open(listing) as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    for p in paths:
        with open(p, "rb") as fh:
            data = fh.read()
        msg = email.message_from_bytes(data, policy=email.policy.default)
        for h in ("subject", "from", "to", "cc", "date"):
            str(msg.get(h, ""))
        for part in msg.walk():
            if part.is_multipart():
                continue
            try:
                content = part.get_content()
            except (LookupError, ValueError, AssertionError):
                content = part.get_payload(decode=True)
            if isinstance(content, str) and part.get_content_subtype() == "html":
                visible_html_text(content)
        n += 1
        total += len(data)
    print(n, total)


if __name__ == "__main__":
    main(sys.argv[1])
