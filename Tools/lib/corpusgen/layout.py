"""Writing messages to disk: Maildir / Maildir++ (UTF-8 or Dovecot's modified UTF-7 names) and mboxrd."""

import os
import re

from . import dates
from .folders import maildir_dir, mbox_path

_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)
HOSTNAME = "cairn-corpus"
FIXED_MTIME = 1420070400  # files that are not messages get this mtime, so trees compare equal


def mboxrd_escape(data):
    """Body lines matching ``>*From `` get one more ``>`` (mboxrd)."""
    return _FROM_LINE.sub(rb">\1", data)


def mboxrd_unescape(data):
    """Undo ``mboxrd_escape``."""
    return re.sub(rb"(?m)^>(>*From )", rb"\1", data)


class MaildirWriter:
    """A Maildir (one folder) or Maildir++ tree; ``dovecot`` names folders in modified UTF-7."""

    def __init__(self, root, folders, dovecot=False):
        self.root = root
        self.dovecot = dovecot
        self.seq = 0
        self.dirs = {}
        for name in folders:
            rel = maildir_dir(name, dovecot)
            base = os.path.join(root, rel) if rel else root
            for sub in ("cur", "new", "tmp"):
                os.makedirs(os.path.join(base, sub), exist_ok=True)
            if rel:
                marker = os.path.join(base, "maildirfolder")
                open(marker, "wb").close()
                os.utime(marker, (FIXED_MTIME, FIXED_MTIME))
            self.dirs[name] = rel

    def folder_path(self, name):
        """The folder's directory relative to the root."""
        return self.dirs[name]

    def write(self, folder, data, delivered, flags, in_new, rng):
        """Store one message file; returns (relative path, flags written)."""
        self.seq += 1
        vsize = len(data) + data.count(b"\n") - data.count(b"\r\n")
        usec = rng.randrange(1_000_000)
        base = f"{delivered}.M{usec}P{4000 + self.seq % 60000}Q{self.seq}.{HOSTNAME},S={len(data)},W={vsize}"
        if in_new:
            rel = os.path.join(self.dirs[folder], "new", base)
            flags = ""
        else:
            rel = os.path.join(self.dirs[folder], "cur", f"{base}:2,{flags}")
        path = os.path.join(self.root, rel)
        with open(path, "wb") as f:
            f.write(data)
        os.utime(path, (delivered, delivered))
        return rel, flags

    def close(self):
        """Nothing to flush for a Maildir."""


class MboxWriter:
    """One mboxrd file per folder (``INBOX.mbox``, ``Lists/cairn-dev.mbox``, ...)."""

    def __init__(self, root, folders):
        self.root = root
        self.files = {}
        self.offsets = {}
        self.latest = {}
        for name in folders:
            rel = mbox_path(name)
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            self.files[name] = open(path, "wb")
            self.offsets[name] = 0
            self.latest[name] = FIXED_MTIME

    def folder_path(self, name):
        """The folder's mbox file relative to the output directory."""
        return mbox_path(name)

    def write(self, folder, data, delivered, flags, in_new, rng, envelope="MAILER-DAEMON"):
        """Append one message; returns ("FILE@OFFSET", flags) where OFFSET is of its From_ line."""
        f = self.files[folder]
        offset = self.offsets[folder]
        chunk = b"".join((f"From {envelope} {dates.ctime_utc(delivered)}\n".encode("ascii"),
                          mboxrd_escape(data), b"" if data.endswith(b"\n") else b"\n", b"\n"))
        f.write(chunk)
        self.offsets[folder] = offset + len(chunk)
        self.latest[folder] = max(self.latest[folder], delivered)
        return f"{mbox_path(folder)}@{offset}", ""

    def close(self):
        """Close every mbox file."""
        for name, f in self.files.items():
            f.close()
            os.utime(f.name, (self.latest[name], self.latest[name]))  # mtime = last delivery
