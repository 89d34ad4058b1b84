"""Folder names, their Maildir++ directory names (UTF-8 or IMAP modified UTF-7) and mbox paths."""

import base64

BASE_FOLDERS = ["INBOX", "Sent", "Archive", "Lists/cairn-dev", "Entwürfe", "Drafts", "Trash",
                "Lists/debian-user", "Réunions", "Junk", "Work/Clients", "Work/Projects",
                "Lists/ietf-imap", "Lists/rust-users", "Archive/2016", "Archive/2017", "Archive/2018",
                "Archive/2019", "Archive/2020", "Archive/2021"]


def folder_names(n):
    """The first ``n`` folders: INBOX, Sent, Archive, a list, a non-ASCII one, ... then Projects/Pnn."""
    names = BASE_FOLDERS[:n]
    k = 1
    while len(names) < n:
        names.append(f"Projects/P{k:03d}")
        k += 1
    return names


def mutf7_encode(name):
    """IMAP modified UTF-7 (RFC 3501 section 5.1.3) of a mailbox name."""
    out, run = [], []

    def flush():
        if run:
            data = "".join(run).encode("utf-16-be")
            out.append("&" + base64.b64encode(data).decode("ascii").rstrip("=").replace("/", ",") + "-")
            run.clear()

    for ch in name:
        if 0x20 <= ord(ch) <= 0x7E:
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            run.append(ch)
    flush()
    return "".join(out)


def mutf7_decode(text):
    """The mailbox name of an IMAP modified UTF-7 string."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch != "&":
            out.append(ch)
            i += 1
            continue
        j = text.index("-", i)
        if j == i + 1:
            out.append("&")
        else:
            b64 = text[i + 1:j].replace(",", "/")
            b64 += "=" * (-len(b64) % 4)
            out.append(base64.b64decode(b64).decode("utf-16-be"))
        i = j + 1
    return "".join(out)


def maildir_dir(name, dovecot):
    """The Maildir++ directory of folder ``name`` relative to the root ('' for INBOX)."""
    if name == "INBOX":
        return ""
    encoded = mutf7_encode(name) if dovecot else name
    return "." + encoded.replace("/", ".")


def mbox_path(name):
    """The mbox file of folder ``name`` relative to the output directory."""
    return name + ".mbox"
