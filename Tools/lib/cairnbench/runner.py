"""Running a command and measuring it: wall time, CPU time, peak RSS of the whole process tree."""

import os
import statistics
import subprocess
import threading
import time

_PAGE = os.sysconf("SC_PAGE_SIZE")


def _children(pid):
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _tree_rss(root):
    """Sum of the resident set sizes (bytes) of ``root`` and all its descendants."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * _PAGE
        except OSError:
            continue
        todo += _children(pid)
    return total


class Result:
    """What one run measured."""

    def __init__(self, cmd, wall, user, sys_, rusage_peak, tree_peak, rc, stdout=b""):
        self.cmd, self.wall, self.user, self.sys, self.rc, self.stdout = cmd, wall, user, sys_, rc, stdout
        self.peak_rss = max(rusage_peak, tree_peak)

    @property
    def ok(self):
        """Exit status 0."""
        return self.rc == 0

    def as_dict(self):
        """JSON-friendly fields."""
        return {"wall": self.wall, "user": self.user, "sys": self.sys, "peak_rss": self.peak_rss, "rc": self.rc}


def run(cmd, env=None, cwd=None, stdout=None, capture=False, timeout=None, stdin=None):
    """Run ``cmd`` (a list) and measure it.

    ``stdout``: a path to write standard output to, else it is discarded unless ``capture``.
    Peak RSS is the larger of the kernel's rusage maximum (the largest single process, reaped
    descendants included) and a 20 ms sampling of the summed RSS of the live process tree.
    """
    out_f = open(stdout, "wb") if stdout else (subprocess.PIPE if capture else subprocess.DEVNULL)
    started = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out_f, stderr=subprocess.PIPE,
                            stdin=stdin if stdin is not None else subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    captured = []
    err = []

    def drain(stream, into):
        for chunk in iter(lambda: stream.read(65536), b""):
            into.append(chunk)

    readers = [threading.Thread(target=drain, args=(proc.stderr, err), daemon=True)]
    if capture:
        readers.append(threading.Thread(target=drain, args=(proc.stdout, captured), daemon=True))
    for r in readers:
        r.start()
    timer = threading.Timer(timeout, proc.kill) if timeout else None
    if timer:
        timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - started
    if timer:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    for r in readers:
        r.join()
    if stdout:
        out_f.close()
    res = Result(cmd, wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss * 1024, peak[0], proc.returncode,
                 b"".join(captured))
    res.stderr = b"".join(err).decode("utf-8", "replace")
    return res


def summarize(samples):
    """Median, min, max of a list of numbers (None when empty)."""
    if not samples:
        return None
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples), "n": len(samples)}


def drop_caches():
    """Drop the page cache when permitted; returns whether it was done."""
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def dir_size(path):
    """Bytes used by the files under ``path`` (apparent sizes)."""
    total = 0
    for d, _, files in os.walk(path):
        for f in files:
            try:
                total += os.lstat(os.path.join(d, f)).st_size
            except OSError:
                pass
    return total
