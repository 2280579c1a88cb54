"""A child process of the benchmark, timed, with its peak memory."""

from __future__ import annotations

import os
import subprocess
import time

# `python -m accountmap ...` that says its own peak memory as it exits (VmHWM of its
# address space: the rusage of a child counts the forked copy of this big benchmark
# process it was before exec, ~230 MiB after the portfolio rows).
OWN_PEAK = """
import atexit, os, runpy, sys
def peak():
    with open("/proc/self/status") as status:
        kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    os.write(2, f"\\npeak-KiB {kib}\\n".encode())
atexit.register(peak)
sys.argv = ["accountmap", *sys.argv[1:]]
runpy.run_module("accountmap", run_name="__main__")
"""


def run_measured(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak memory (MiB) and exit code of one child process (`accountmap
    ...` when args[1:3] are "-m", "accountmap": its own peak; else its rusage's)."""
    own = args[1:3] == ["-m", "accountmap"]
    if own:
        args = [args[0], "-c", OWN_PEAK, *args[3:]]
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE if own else subprocess.DEVNULL,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    err = proc.stderr.read().decode(errors="replace") if own else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    peaks = [int(line.split()[1]) for line in err.splitlines() if line.startswith("peak-KiB ")]
    peak = peaks[-1] / 1024 if peaks else usage.ru_maxrss / 1024
    return time.perf_counter() - start, peak, proc.returncode
