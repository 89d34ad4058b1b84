"""The peers as users run them: the exact mbsync, notmuch and mu setups the bench uses.

Each is the minimal configuration its documentation asks for, everything else left at its default:

- mbsync (isync): one IMAPAccount (plain IMAP on loopback, LOGIN), an IMAPStore, a Maildir++
  MaildirStore whose INBOX is the store's root, one Channel with ``Patterns *``, ``Create Near`` (so
  folders appear locally) and ``SyncState *``; sync direction, flags, expunge, pipelining: defaults.
- notmuch: ``notmuch setup``'s defaults (new.tags unread;inbox;, search.exclude_tags deleted;spam;,
  maildir.synchronize_flags true), with ``database.path`` kept apart from ``database.mail_root`` so the
  corpus stays untouched; ``notmuch new`` indexes, ``notmuch count`` / ``notmuch search
  --output=messages`` / ``notmuch show --format=mbox`` query and export.
- mu: ``mu init --maildir=... --my-address=...`` then ``mu index``; ``mu find QUERY --fields=i``
  lists (mu has no count command: the bench counts the lines).
"""

import os

MBSYNCRC = """# Tools/bench: mbsync as users run it (defaults except what a setup needs)
IMAPAccount bench
Host 127.0.0.1
Port {port}
User {user}
Pass {password}
SSLType None
AuthMechs LOGIN

IMAPStore bench-remote
Account bench

MaildirStore bench-local
Inbox {local}/
SubFolders Maildir++

Channel bench
Far :bench-remote:
Near :bench-local:
Patterns *
Create Near
SyncState *
"""

NOTMUCH_CONFIG = """# Tools/bench: notmuch setup's defaults; the database kept apart from the mail
[database]
path={db}
mail_root={mail}

[user]
name=Robin Example
primary_email=robin@home.example

[new]
tags=unread;inbox;
ignore=

[search]
exclude_tags=deleted;spam;

[maildir]
synchronize_flags=true
"""


def write(path, text):
    """Write ``text`` to ``path`` (creating folders)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    return path


def mbsync_config(path, server, local):
    """The mbsyncrc for ``server`` syncing into the Maildir++ tree ``local``."""
    return write(path, MBSYNCRC.format(port=server.port, user=server.user, password=server.password, local=local))


def notmuch_setup(config_path, db, mail):
    """A notmuch config whose database lives in ``db`` (created) and mail in ``mail``; returns the env."""
    os.makedirs(db, exist_ok=True)
    write(config_path, NOTMUCH_CONFIG.format(db=db, mail=mail))
    return dict(os.environ, NOTMUCH_CONFIG=config_path)


def mu_init_cmd(muhome, maildir):
    """``mu init`` for a fresh store."""
    return ["mu", "init", f"--muhome={muhome}", f"--maildir={maildir}", "--my-address=robin@home.example"]


def mu_index_cmd(muhome):
    """``mu index``."""
    return ["mu", "index", f"--muhome={muhome}"]
