#!/usr/bin/env python3
"""Runs a command and prints the peak resident memory (VmHWM, in MiB) of the command itself and
of the largest of its children, sampled from /proc every 10 ms, and the wall time in seconds:
    peak.py CMD... -> "<seconds> <own MiB> <largest child MiB>"
"""
import os
import subprocess
import sys
import time


def hwm(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid):
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


start = time.monotonic()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
own = child = 0.0
while proc.poll() is None:
    own = max(own, hwm(proc.pid))
    for c in children(proc.pid):
        child = max(child, hwm(c))
    time.sleep(0.01)
elapsed = time.monotonic() - start
if proc.returncode != 0:
    sys.exit(f"failed: {sys.argv[1:]}")
print(f"{elapsed:.3f} {own:.1f} {child:.1f}")
