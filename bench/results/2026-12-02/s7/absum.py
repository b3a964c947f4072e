import re,sys,glob,os
d='/tmp/s7/ab'
for tag in sys.argv[1:]:
    lt=open(f'{d}/lt-{tag}.log').read()
    late=open(f'{d}/late-{tag}.txt').read().split('\n')
    vals=[l.split()[1] if len(l.split())>1 else '0' for l in late if l.strip()]
    w=int(vals[7])-int(vals[3]) if len(vals)>7 else None
    p=re.search(r'input-to-effect latency ms\s+p50 ([\d.]+)\s+p90 [\d.]+\s+p99 ([\d.]+)',lt)
    snap=re.search(r'snapshots/s per client\s+mean ([\d.]+)\s+min ([\d.]+)',lt)
    cpu=re.search(r'server pid \d+ CPU %\s+([\d.]+)',lt); lg=re.search(r'load generator CPU %\s+([\d.]+)',lt)
    sch=[l for l in open(f'{d}/sched-{tag}.txt') if l.startswith('jr-game-loop')][0].split()
    gcs=[]
    for l in open(f'{d}/gc-{tag}.log'):
        m=re.match(r'\[([\d.]+)s\].*Pause Young.* ([\d.]+)ms',l)
        if m: gcs.append((float(m.group(1)),float(m.group(2))))
    print(f"{tag:8} window late {w:5}  p50 {p.group(1):>7} p99 {p.group(2):>6}  snaps {snap.group(1)} ({snap.group(2)})  cpu {cpu.group(1)} lg {lg.group(1)}  gl wait/slice {int(sch[2])/1e6/int(sch[3]):.3f} ms  young GCs after 10 s: {[(t,ms) for t,ms in gcs if t>10]}")
