"""A child process of the benchmark, timed, with its peak memory."""

from __future__ import annotations

import os
import subprocess
import time

# A child's own peak memory: VmHWM of its address space. (The rusage the parent gets from
# wait4, and the child's own RUSAGE_SELF, keep the peak across exec: the forked copy of
# this benchmark process, ~480 MiB after the contact rows, was counted as the child's.)
PEAK = """
def print_peak():
    try:
        with open("/proc/self/status") as status:
            kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("peak", kib / 1024, flush=True)
"""

# `python -m accountmap ...` that prints its own peak memory ("peak MiB") as it exits.
OWN_PEAK = PEAK + """
import atexit, runpy, sys
atexit.register(print_peak)
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
    proc = subprocess.Popen(args, stdout=subprocess.PIPE if own else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    out = proc.stdout.read().decode(errors="replace") if own else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    peaks = [float(line.split()[1]) for line in out.splitlines() if line.startswith("peak ")]
    peak = peaks[-1] if peaks else usage.ru_maxrss / 1024
    return time.perf_counter() - start, peak, proc.returncode
