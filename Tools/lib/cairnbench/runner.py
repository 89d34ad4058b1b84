"""Running a command and measuring it: wall time, CPU time, peak RSS of the whole process tree."""

import os
import statistics
import subprocess
import tempfile
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


GNU_TIME = "/usr/bin/time"


def run(cmd, env=None, cwd=None, stdout=None, capture=False, stdin=None):
    """Run ``cmd`` (a list) and measure it.

    ``stdout``: a path to write standard output to, else it is discarded unless ``capture``.
    Peak RSS is the larger of the kernel's rusage maximum (the largest single process, reaped
    descendants included) and a 20 ms sampling of the summed RSS of the live process tree.

    The command runs under GNU time, which reports the rusage: Linux carries a parent's high-water
    RSS into a forked child's ``ru_maxrss`` across exec, so a child forked straight from this (large)
    Python process would report at least this process's size. GNU time is small; its child's figure
    is the command's own.
    """
    out_f = open(stdout, "wb") if stdout else (subprocess.PIPE if capture else subprocess.DEVNULL)
    usage_file = None
    if os.access(GNU_TIME, os.X_OK):
        fd, usage_file = tempfile.mkstemp(prefix="bench-usage-")
        os.close(fd)
        cmd_run = [GNU_TIME, "-f", "%M %U %S %x", "-o", usage_file, "--", *cmd]
    else:
        cmd_run = cmd
    started = time.monotonic()
    proc = subprocess.Popen(cmd_run, env=env, cwd=cwd, stdout=out_f, stderr=subprocess.PIPE,
                            stdin=stdin if stdin is not None else subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            roots = _children(proc.pid) if usage_file else [proc.pid]
            peak[0] = max(peak[0], sum(_tree_rss(r) for r in roots))
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
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    for r in readers:
        r.join()
    if stdout:
        out_f.close()
    maxrss, utime, stime, rc = usage.ru_maxrss * 1024, usage.ru_utime, usage.ru_stime, proc.returncode
    if usage_file:
        fields = open(usage_file).read().split()
        os.remove(usage_file)
        try:   # "Command exited with non-zero status N" may precede the format line
            maxrss, utime, stime = int(fields[-4]) * 1024, float(fields[-3]), float(fields[-2])
            rc = int(fields[-1])
        except (ValueError, IndexError):
            pass
    res = Result(cmd, wall, utime, stime, maxrss, peak[0], rc, b"".join(captured))
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
