#!/bin/bash
# usage: histodiff1024.sh JAR TAG -- run1024m.sh's load for a 90-s window; jmap -histo:live 30 s and 90 s after the load
# generator starts (each a full collection: a diagnostic run), then the classes whose live bytes grew most between them
JAR=$1; TAG=$2; OUT=${OUT:-/tmp/s10/r1024}; mkdir -p $OUT; cd /work/main
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-1024
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 90 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 > $OUT/lt-$TAG.log 2>&1 &
LG=$!
sleep 30; jmap -histo:live $SP > $OUT/histo30-$TAG.txt
sleep 60; jmap -histo:live $SP > $OUT/histo90-$TAG.txt
wait $LG
kill $SP; wait $SP 2>/dev/null
python3 - $OUT/histo30-$TAG.txt $OUT/histo90-$TAG.txt <<'PY'
import sys,re
def load(f):
    d={}
    for l in open(f):
        m=re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)',l)
        if m: d[m.group(3)]=(int(m.group(1)),int(m.group(2)))
    return d
a,b=load(sys.argv[1]),load(sys.argv[2])
rows=sorted(((b.get(k,(0,0))[1]-a.get(k,(0,0))[1], b.get(k,(0,0))[0]-a.get(k,(0,0))[0], k) for k in set(a)|set(b)), reverse=True)
print("total live bytes 30 s: %.1f MB, 90 s: %.1f MB" % (sum(v[1] for v in a.values())/1e6, sum(v[1] for v in b.values())/1e6))
for d,n,k in rows[:15]: print(f"{d/1e3:10.1f} kB {n:8d} instances  {k}")
PY
