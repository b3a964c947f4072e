#!/usr/bin/env python3
"""Per-thread CPU of a running JVM (or any process), grouped by thread name, over a window.

usage: bench/thread-cpu.py PID SECONDS

Reads /proc/PID/task/*/stat (user and system time) and /proc/PID/task/*/status (voluntary and
involuntary context switches) at the start and the end of the window, and prints, per thread name
with trailing digits folded into '#', the CPU as % of one core and the context switches per second.
This is how BENCHMARKS.md's per-thread figures were read: start the server, start the load
generator, wait out its warm-up, then run this for the measured window.
"""
import collections
import glob
import os
import re
import sys
import time


def snapshot(pid):
    threads = {}
    for task in glob.glob(f'/proc/{pid}/task/*'):
        try:
            with open(task + '/comm') as f:
                name = f.read().strip()
            with open(task + '/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
            switches = 0
            with open(task + '/status') as f:
                for line in f:
                    if line.startswith(('voluntary_ctxt', 'nonvoluntary_ctxt')):
                        switches += int(line.split()[1])
            threads[task] = (name, int(fields[11]), int(fields[12]), switches)
        except (OSError, IndexError, ValueError):
            pass  # the thread ended while we read it
    return threads


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pid, seconds = sys.argv[1], float(sys.argv[2])
    ticks = os.sysconf('SC_CLK_TCK')
    before = snapshot(pid)
    time.sleep(seconds)
    after = snapshot(pid)
    groups = collections.defaultdict(lambda: [0, 0, 0, 0])  # user, sys, threads, switches
    for task, (name, user, system, switches) in after.items():
        u0, s0, c0 = before[task][1:] if task in before else (0, 0, 0)
        g = groups[re.sub(r'\d+$', '#', name)]
        g[0] += user - u0
        g[1] += system - s0
        g[2] += 1
        g[3] += switches - c0
    scale = 100.0 / (ticks * seconds)
    for name, (user, system, n, switches) in sorted(groups.items(), key=lambda kv: -(kv[1][0] + kv[1][1])):
        if user + system > 0 or switches > 0:
            print(f"{name:28s} n={n:3d} user {user * scale:6.1f}% sys {system * scale:6.1f}% cs/s {switches / seconds:8.0f}")
    total = sum(g[0] + g[1] for g in groups.values())
    print(f"TOTAL {total * scale:.1f}%  cs/s {sum(g[3] for g in groups.values()) / seconds:.0f}")


if __name__ == '__main__':
    main()
