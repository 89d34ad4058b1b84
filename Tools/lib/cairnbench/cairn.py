"""Cairn's side: finding the release binary and the commands of the CLI.md contract."""

import os
import subprocess

from .runner import dir_size

ACCOUNT = "bench"
PASSWORD_ENV = "CAIRN_BENCH_PASSWORD"


# The build the README recommends for everyday use: the Swift runtime linked in starts a process
# about three times faster, and a search is a whole process. Tools/bench-search builds the same way,
# so the two share one build folder.
RELEASE = ["swift", "build", "-c", "release", "--static-swift-stdlib"]


def find_binary(repo, build, log):
    """The release ``cairn`` (built first when ``build``), or (None, reason)."""
    if build:
        log("cairn: " + " ".join(RELEASE) + " --product cairn (the first build takes minutes)")
        r = subprocess.run(RELEASE + ["--product", "cairn"], cwd=repo, capture_output=True, text=True)
        if r.returncode != 0:
            tail = (r.stderr or r.stdout).strip().splitlines()[-3:]
            return None, "release build failed: " + " | ".join(tail)
    r = subprocess.run(RELEASE + ["--show-bin-path"], cwd=repo, capture_output=True, text=True)
    path = os.path.join(r.stdout.strip(), "cairn")
    if r.returncode != 0 or not os.access(path, os.X_OK):
        return None, "no release build (run " + " ".join(RELEASE) + ", or Tools/bench without --no-build)"
    return path, ""


def version(binary):
    """``cairn --version`` or a note."""
    if not binary:
        return "not built"
    r = subprocess.run([binary, "--version"], capture_output=True, text=True)
    return (r.stdout.strip() or r.stderr.strip() or "unknown").splitlines()[0]


class Cairn:
    """Command lines for one archive home."""

    def __init__(self, binary, home):
        self.binary, self.home = binary, home

    def _c(self, *args):
        return [self.binary, "--home", self.home, *args]

    def import_maildir(self, path):
        return self._c("import", "maildir", path)

    def account_add(self, server):
        return self._c("account", "add", ACCOUNT, "--host", "127.0.0.1", "--port", str(server.port),
                       "--security", "none", "--allow-insecure", "--user", server.user,
                       "--password-env", PASSWORD_ENV)

    def sync(self):
        return self._c("sync", ACCOUNT)

    def fetch_only(self):
        """Every body fetched as sync fetches it and discarded (hidden flag; nothing archived)."""
        return self._c("sync", ACCOUNT, "--fetch-only", "--progress", "never")

    def count(self, query):
        return self._c("count", query)

    def search_ids(self, query):
        return self._c("search", query, "--format", "ids")

    def export_mbox(self, path):
        return self._c("export", "--mbox", path)

    def verify(self):
        return self._c("verify")

    def inspect(self, files):
        return [self.binary, "inspect", "--format", "json", *files]

    def sizes(self):
        """The archive's index (``index/``, the derived Xapian shards: what compares with notmuch's
        and mu's databases) and its store (``cairn.sqlite``, which holds the mail itself)."""
        store = sum(os.path.getsize(p) for p in (os.path.join(self.home, "cairn.sqlite" + x) for x in ("", "-wal"))
                    if os.path.exists(p))
        return {"index_bytes": dir_size(os.path.join(self.home, "index")), "store_bytes": store}

    def env(self, server=None):
        env = dict(os.environ)
        if server is not None:
            env[PASSWORD_ENV] = server.password
        return env
