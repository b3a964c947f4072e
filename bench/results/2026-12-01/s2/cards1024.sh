#!/bin/bash
# usage: cards1024.sh JAR TAG : 1,024 clients, GC log; dirtied cards/s and refinement ms/s after the ramp
JAR=$1; TAG=$2
/tmp/run1024.sh $JAR $TAG "-Xlog:gc*=debug:file=/tmp/r1024/cards-$TAG.log" | grep -E "snapshots/s per|CPU %"
python3 - /tmp/r1024/cards-$TAG.log <<'PY'
import re,sys
rows=[]; t=None
for l in open(sys.argv[1]):
    m=re.match(r'\[(\d+\.\d+)s\].*GC\((\d+)\) Mutator refinement:.*dirtied: (\d+)',l)
    if m: t=float(m.group(1)); d=int(m.group(3)); g=m.group(2); continue
    m=re.match(r'\[(\d+\.\d+)s\].*GC\((\d+)\) Concurrent refinement: ([\d.]+)ms, refined: (\d+)',l)
    if m and t is not None: rows.append((t,int(m.group(2)),d,float(m.group(3)),int(m.group(4))))
    m=re.match(r'\[(\d+\.\d+)s\].*GC\((\d+)\) Pause Young .* ([\d.]+)ms$',l)
    if m: print('  pause at %6.1fs GC(%s) %s ms'%(float(m.group(1)),m.group(2),m.group(3)))
prev=None
for r in rows:
    if prev and r[0]>8:
        dt=r[0]-prev[0]
        print('  GC(%d) at %.1fs: dirtied %.0f cards/s, refinement %.1f ms/s over %.1f s'%(r[1],r[0],r[2]/dt,r[3]/dt,dt))
    prev=r
PY
