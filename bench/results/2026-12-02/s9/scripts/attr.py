#!/usr/bin/env python3
# usage: attr.py DIR TAG... -- each increase of the late-tick total (read every ~0.5-0.8 s) against what happened between the
# two reads: safepoints over 3 ms (-Xlog:safepoint, young pauses included) and FIFO-99 hiccups over 4 ms (hiccup.c)
import sys,re
def sec(h): a=h.split(':'); return int(a[0])*3600+int(a[1])*60+float(a[2])
d=sys.argv[1]
for tag in sys.argv[2:]:
    rows=[l.split() for l in open(f'{d}/late-{tag}.txt') if len(l.split())==2]
    rows=[(sec(a),int(b)) for a,b in rows]; t0=rows[0][0]
    sps=[]
    for l in open(f'{d}/gc-{tag}.log'):
        m=re.search(r'\[\d+-\d+-\d+T(\d+:\d+:[\d.]+)\+\d+\].*Safepoint "(\w+)".*Reaching safepoint: (\d+) ns.*Total: (\d+) ns',l)
        if m and int(m.group(4))>3e6: sps.append((sec(m.group(1)),m.group(2),int(m.group(3))/1e6,int(m.group(4))/1e6))
    hic=[]
    try:
        for l in open(f'{d}/hic-{tag}.txt'):
            m=re.match(r'(\d+:\d+:[\d.]+) cpu (\d) late ([\d.]+) ms',l)
            if m: hic.append((sec(m.group(1)),int(m.group(2)),float(m.group(3))))
    except FileNotFoundError: pass
    print(f"== {tag}")
    tot=0; expl=0
    for i in range(1,len(rows)):
        a,b=rows[i-1],rows[i]
        if b[1]>a[1] and 13<=b[0]-t0<=33.5:
            tot+=1
            s=[f"{x[1]} {x[3]:.1f} ms (reach {x[2]:.1f})" for x in sps if a[0]-0.1<=x[0]<=b[0]]
            h=[f"cpu{x[1]} {x[2]:.1f} ms" for x in hic if a[0]-0.1<=x[0]<=b[0]]
            if s or h: expl+=1
            print(f"  +{b[1]-a[1]} late between {a[0]-t0:.1f} and {b[0]-t0:.1f} s: safepoints {s or '-'}; hiccups {h or '-'}")
    print(f"  {tot} increases in the window, {expl} with a safepoint > 3 ms or a hiccup > 4 ms between the reads; hiccups > 4 ms in the window: {sum(1 for x in hic if 13<=x[0]-t0<=33.5)}, > 8 ms: {sum(1 for x in hic if 13<=x[0]-t0<=33.5 and x[2]>8)}")
