"""What the report states about the machine and the software."""

import os
import platform
import re
import subprocess
import time


def _out(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def machine(path):
    """CPU, cores, RAM, disk (of ``path``), kernel, OS, load."""
    cpu = re.search(r"Model name:\s*(.+)", _out(["lscpu"]))
    mem = re.search(r"MemTotal:\s*(\d+)", open("/proc/meminfo").read())
    df = _out(["df", "-hT", path]).splitlines()
    disk = " ".join(df[-1].split()[:3]) if len(df) > 1 else "?"
    dev = df[-1].split()[0] if len(df) > 1 else ""
    rota = _out(["lsblk", "-ndo", "ROTA,MODEL", re.sub(r"\d+$", "", dev)]) if dev.startswith("/dev/") else ""
    if rota:
        disk += f" (the device reports rotational={rota.split()[0]})"
    osrel = re.search(r'PRETTY_NAME="([^"]+)"', open("/etc/os-release").read()) if os.path.exists(
        "/etc/os-release") else None
    virt = _out(["systemd-detect-virt"])
    if "hypervisor" in open("/proc/cpuinfo").read():
        virt = f"{virt} in a VM" if virt and virt != "none" else "VM"
    return {
        "cpu": cpu.group(1).strip() if cpu else platform.processor(),
        "cores": os.cpu_count(),
        "ram_gib": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "disk": disk,
        "kernel": platform.release(),
        "os": osrel.group(1) if osrel else platform.platform(),
        "virtualization": virt,
        "load_at_start": open("/proc/loadavg").read().split()[:3],
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def versions(cairn_version):
    """Versions of every program measured or used."""
    dove = _out(["dovecot", "--version"])
    mbsync = _out(["mbsync", "--version"])
    mu = re.search(r"version ([\d.]+)", _out(["mu", "--version"]))
    return {
        "cairn": cairn_version,
        "notmuch": _out(["notmuch", "--version"]).replace("notmuch ", ""),
        "mu": mu.group(1) if mu else "?",
        "mbsync": mbsync.replace("isync ", ""),
        "dovecot": dove.split()[0] if dove else "?",
        "xapian": _out(["xapian-config", "--version"]).split()[-1] if _out(["xapian-config", "--version"]) else "?",
        "python": platform.python_version(),
    }
