#!/usr/bin/env python3
# usage: table.py OUTFILE DIR -- one row per run of run1024m.sh (OUTFILE: its printed summaries): late ticks in the window
# (the load generator's reading), snapshots/s, server and load generator CPU, p99, and the young pauses logged in the
# 21 s before the run's end stamp (~ the measured window: the summary is stamped just after the server is stopped)
import sys,re
out,d=sys.argv[1],sys.argv[2]
def sec(h): a=h.split(':'); return int(a[0])*3600+int(a[1])*60+float(a[2])
for block in open(out).read().split('== ')[1:]:
    tag,end=block.split()[0],sec(block.split()[1])
    g=lambda p:(re.search(p,block).group(1) if re.search(p,block) else '?')
    late=g(r'over \d+ lobbies: (\d+) late'); snaps=g(r'snapshots/s per client mean ([\d.]+)')
    cpu=g(r'server pid \d+ CPU % ([\d.]+)'); lg=g(r'load generator CPU % ([\d.]+)'); p99=g(r'p99 ([\d.]+)')
    pauses=[]
    try:
        for l in open(f'{d}/gc-{tag}.log'):
            m=re.search(r'T(\d+:\d+:[\d.]+)\+\d+\].*Pause Young.* ([\d.]+)ms',l)
            if m and end-21<=sec(m.group(1))<=end: pauses.append(m.group(2))
    except FileNotFoundError: pass
    print(f"{tag}: late {late} | snaps/s {snaps} | server CPU {cpu} | lg CPU {lg} | p99 {p99} | young pauses in window {', '.join(pauses) or '-'}")
