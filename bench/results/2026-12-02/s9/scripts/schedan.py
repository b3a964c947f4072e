#!/usr/bin/env python3
# usage: schedan.py SCHED.txt -- from perf script lines of the game-loop thread: wake-up latency (waking -> switched in),
# run length, and every beat whose switch-in came > 8.3 ms after its timer wake-up or > 25 ms after the previous switch-in
import sys,re
ev=[]
for l in open(sys.argv[1]):
    m=re.match(r'\[(\d+)\]\s+([\d.]+): sched:(\w+): (.*)',l.strip())
    if m: ev.append((float(m.group(2)),int(m.group(1)),m.group(3),m.group(4)))
waking=None; lat=[]; runs=[]; last_in=None; start=None; out=[]
t0=ev[0][0]
for t,cpu,kind,tr in ev:
    if kind=='sched_waking':
        if waking is None: waking=t
    elif kind=='sched_switch':
        if 'next_comm=jr-game-loop' in tr:
            prev=re.search(r'prev_comm=(.*?) prev_pid',tr).group(1)
            if waking is not None:
                lat.append((t-waking, t, prev, cpu))
            if last_in is not None and t-last_in>0.025:
                out.append("%.3f s: %.1f ms since the previous switch-in (waking %.3f ms before, preempted %s on cpu %d)"%(t-t0,(t-last_in)*1e3,(t-waking)*1e3 if waking else -1,prev,cpu))
            last_in=t; start=t; waking=None
        elif 'prev_comm=jr-game-loop' in tr:
            st=re.search(r'prev_state=(\S+)',tr).group(1)
            if start is not None: runs.append((t-start,st,t))
            if st.startswith('R'): waking=t  # preempted: runnable from now
lat.sort()
n=len(lat)
print("switch-ins %d; wake-up latency ms p50 %.3f p90 %.3f p99 %.3f max %.3f"%(n,lat[n//2][0]*1e3,lat[int(n*.9)][0]*1e3,lat[int(n*.99)][0]*1e3,lat[-1][0]*1e3))
for x in lat[-8:]: print("  latency %.3f ms at %.3f s, cpu %d, after %s"%(x[0]*1e3,x[1]-t0,x[3],x[2]))
rl=sorted(r[0] for r in runs); m=len(rl)
print("run slices %d: ms p50 %.3f p99 %.3f max %.3f; preempted %d"%(m,rl[m//2]*1e3,rl[int(m*.99)]*1e3,rl[-1]*1e3,sum(1 for r in runs if r[1].startswith('R'))))
for r in sorted(runs)[-5:]: print("  slice %.3f ms ending %.3f s state %s"%(r[0]*1e3,r[2]-t0,r[1]))
print("\n".join(out) if out else "no gap over 25 ms between switch-ins")
