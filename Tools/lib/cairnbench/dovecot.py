"""The private Dovecot the bench serves its corpus from, on 127.0.0.1 only.

Uses the project's shared ``Tools/dovecot-test-server`` when it exists. Until that lands, a minimal
starter PRIVATE TO THE BENCH (below, ``_PrivateDovecot``) follows PLATFORM.md section 6: its own
dovecot.conf, one passwd-file user, Maildir at DATA/home/<user>/Maildir, plain IMAP on loopback (the
bench measures sync, not TLS), no full-text search plugin. The lead will switch the bench to the shared
script for good; both print/return the same facts (port, user, password, pid, Maildir).
"""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import time

USER = "bench"
PASSWORD = "bench-password"


def free_port():
    """A TCP port nobody listens on at the moment."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_greeting(port, timeout=20.0):
    """Wait until an IMAP greeting arrives on 127.0.0.1:port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                if s.recv(200).startswith(b"* OK"):
                    return True
        except OSError:
            time.sleep(0.1)
    return False


class Server:
    """A running Dovecot: port, credentials, Maildir, and how to stop it."""

    def __init__(self, data, port, maildir, pid, stop):
        self.data, self.port, self.maildir, self.pid = data, port, maildir, pid
        self.user, self.password = USER, PASSWORD
        self._stop = stop

    def stop(self):
        """Stop the server (idempotent)."""
        if self._stop:
            self._stop()
            self._stop = None


def start(repo, data, corpus_maildir, log):
    """Copy ``corpus_maildir`` into a fresh DATA/home/<user>/Maildir and start Dovecot on it."""
    if os.path.exists(data):
        shutil.rmtree(data)
    maildir = os.path.join(data, "home", USER, "Maildir")
    os.makedirs(os.path.dirname(maildir))
    shutil.copytree(corpus_maildir, maildir, symlinks=True)
    port = free_port()
    shared = os.path.join(repo, "Tools", "dovecot-test-server")
    if os.access(shared, os.X_OK):
        env = dict(os.environ, DOVECOT_TEST_USER=USER, DOVECOT_TEST_PASS=PASSWORD, DOVECOT_TEST_FTS="none")
        out = subprocess.run([shared, "start", data, str(port), "0"], env=env, capture_output=True, text=True)
        ready = re.search(r"READY imap=127\.0\.0\.1:(\d+).* pid=(\d+)", out.stdout)
        if out.returncode != 0 or not ready:
            raise RuntimeError(f"dovecot-test-server failed: {out.stderr.strip()[-400:]}")
        log(f"dovecot: shared Tools/dovecot-test-server on 127.0.0.1:{ready.group(1)}")
        return Server(data, int(ready.group(1)), maildir, int(ready.group(2)),
                      lambda: subprocess.run([shared, "stop", data], env=env, capture_output=True))
    return _PrivateDovecot(data, maildir, port, log).start()


# ---- BENCH-PRIVATE starter: remove once Tools/dovecot-test-server is on main ------------------------

class _PrivateDovecot:
    def __init__(self, data, maildir, port, log):
        self.data, self.maildir, self.port, self.log = data, maildir, port, log

    def _config(self, mail_uid, mail_gid, internal_group):
        d = self.data
        root = os.geteuid() == 0
        login = "default_internal_user = dovecot\ndefault_login_user = dovenull\n" if root else (
            f"default_internal_user = {pwd.getpwuid(os.geteuid()).pw_name}\n"
            f"default_login_user = {pwd.getpwuid(os.geteuid()).pw_name}\n"
            f"default_internal_group = {internal_group}\n")
        chroot = "" if root else "service anvil {\n  chroot =\n}\n"
        return f"""# Written by Tools/bench (bench-private Dovecot; see Tools/lib/cairnbench/dovecot.py)
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
{login}first_valid_uid = 1
mail_uid = {mail_uid}
mail_gid = {mail_gid}
mail_home = {d}/home/%n
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {d}/users
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={d}/home/%n
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  {"" if root else "chroot ="}
}}
{chroot}"""

    def start(self):
        d = self.data
        for sub in ("run", "state"):
            os.makedirs(os.path.join(d, sub), exist_ok=True)
        if os.geteuid() == 0:
            pw = pwd.getpwnam("nobody")
            uid, gid = pw.pw_uid, pw.pw_gid
            for dirpath, dirnames, filenames in os.walk(os.path.join(d, "home")):
                os.chown(dirpath, uid, gid)
                for f in filenames:
                    os.chown(os.path.join(dirpath, f), uid, gid)
            os.chmod(d, 0o755)
        else:
            uid, gid = os.geteuid(), os.getegid()
        group = subprocess.run(["id", "-gn"], capture_output=True, text=True).stdout.strip()
        with open(os.path.join(d, "users"), "w") as f:
            f.write(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        conf = os.path.join(d, "dovecot.conf")
        with open(conf, "w") as f:
            f.write(self._config(uid, gid, group))
        proc = subprocess.Popen(["dovecot", "-F", "-c", conf], stdout=subprocess.DEVNULL,
                                stderr=open(os.path.join(d, "dovecot.stderr"), "w"), start_new_session=True)
        if not wait_greeting(self.port):
            proc.terminate()
            logtext = open(os.path.join(d, "dovecot.log"), errors="replace").read()[-600:] \
                if os.path.exists(os.path.join(d, "dovecot.log")) else ""
            raise RuntimeError(f"private dovecot did not start: {logtext}")
        self.log(f"dovecot: bench-private starter on 127.0.0.1:{self.port} (pid {proc.pid})")

        def stop():
            try:
                os.kill(proc.pid, signal.SIGTERM)
                proc.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                proc.kill()
        return Server(d, self.port, self.maildir, proc.pid, stop)
