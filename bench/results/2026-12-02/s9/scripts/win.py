#!/usr/bin/env python3
# usage: win.py OUTDIR TAG... -- late ticks in the window (13-33 s after the first 0.5-s read, i.e. ~15-35 s after the load generator
# started), young pauses (wall clock) in the window, and the load test's summary lines
import sys,re,os
d=sys.argv[1]
def sec(h): a=h.split(':'); return int(a[0])*3600+int(a[1])*60+float(a[2])
for tag in sys.argv[2:]:
    rows=[l.split() for l in open(f'{d}/late-{tag}.txt') if len(l.split())==2]
    rows=[(sec(a),int(b)) for a,b in rows]
    t0=rows[0][0]; w0=t0+13; w1=t0+33
    inw=[r for r in rows if w0<=r[0]<=w1]
    late=inw[-1][1]-inw[0][1]
    jumps=[(round(rows[i][0]-t0,1),rows[i][1]-rows[i-1][1]) for i in range(1,len(rows)) if rows[i][1]>rows[i-1][1] and w0<=rows[i][0]<=w1]
    pauses=[]
    for l in open(f'{d}/gc-{tag}.log'):
        m=re.search(r'\[\d+-\d+-\d+T(\d+:\d+:[\d.]+)\+\d+\].*Pause Young.* ([\d.]+)ms',l)
        if m:
            t=sec(m.group(1))
            if w0-1<=t<=w1: pauses.append((round(t-t0,1),float(m.group(2))))
    lt=open(f'{d}/lt-{tag}.log').read()
    g=lambda p: (re.search(p,lt).group(1) if re.search(p,lt) else '?')
    P=[r'snapshots/s per client\s+mean ([\d.]+)', r'input-to-effect latency ms.*p99 ([\d.]+)', r'server pid \d+ CPU %\s+([\d.]+)', r'load generator CPU %\s+([\d.]+)']
    v=[g(p) for p in P]
    print("%s: late in window %d jumps %s young pauses %s | snaps/s %s p99 %s srv CPU %s lg CPU %s" % (tag, late, jumps, pauses, v[0], v[1], v[2], v[3]))
