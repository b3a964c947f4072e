#!/usr/bin/env python3
"""procsample.py START_DELAY DURATION PID... : after START_DELAY s, samples threads (1/s, max) and the
per-thread voluntary+involuntary context switches and CPU of each PID over DURATION s."""
import os, sys, time
def tasks(pid):
    out = {}
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            v = n = None
            for line in open(f"/proc/{pid}/task/{t}/status"):
                if line.startswith("voluntary_ctxt_switches:"): v = int(line.split()[1])
                elif line.startswith("nonvoluntary_ctxt_switches:"): n = int(line.split()[1])
            out[t] = (v, n)
        except OSError:
            pass
    return out
def cpu(pid, which=(11, 12)):
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return sum(int(f[i]) for i in which) / os.sysconf("SC_CLK_TCK")
def threads(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("Threads:"): return int(line.split()[1])
delay, dur, pids = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
time.sleep(delay)
t0 = time.time(); s0 = {p: tasks(p) for p in pids}; c0 = {p: cpu(p) for p in pids}; u0 = {p: cpu(p, (11,)) for p in pids}
mx = {p: threads(p) for p in pids}
while time.time() - t0 < dur:
    time.sleep(1)
    for p in pids: mx[p] = max(mx[p], threads(p))
el = time.time() - t0
for p in pids:
    s1 = tasks(p); v = n = 0
    for t, (a, b) in s1.items():
        a0, b0 = s0[p].get(t, (0, 0)); v += max(0, a - a0); n += max(0, b - b0)
    print(f"pid {p}: cpu {100*(cpu(p)-c0[p])/el:.1f}% (user {100*(cpu(p,(11,))-u0[p])/el:.1f}%)  threads {threads(p)} (max {mx[p]})  ctxsw/s {(v+n)/el:.0f} (vol {v/el:.0f}, invol {n/el:.0f})  over {el:.1f}s")
