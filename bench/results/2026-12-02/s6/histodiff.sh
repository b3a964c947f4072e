#!/bin/bash
# usage: histodiff.sh JAR TAG N -- live histograms 20 s and 80 s into a 256-client bin load
JAR=$1; TAG=$2; N=$3; O=/tmp/s6/hd-$TAG; mkdir -p $O; rm -rf /tmp/jr-hd
java -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-hd > $O/srv.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.2; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target bin --port 18090 --clients $N --per-room 16 --probes 4 --duration 100 --warmup 5 --server-pid $SPID --lobby-prefix hd > $O/lg.log 2>&1 &
LG=$!
sleep 25; jmap -histo:live $SPID > $O/h1.txt; date +%T
sleep 60; jmap -histo:live $SPID > $O/h2.txt; date +%T
wait $LG; kill $SPID; wait $SPID 2>/dev/null
grep -E "server CPU|snapshots" $O/lg.log
python3 - $O/h1.txt $O/h2.txt <<'PY'
import sys
def load(p):
    d={}
    for l in open(p):
        f=l.split()
        if len(f)>=4 and f[0].endswith(':'):
            d[f[3]]=(int(f[1]),int(f[2]))
    return d
a=load(sys.argv[1]); b=load(sys.argv[2])
rows=[(b.get(k,(0,0))[1]-a.get(k,(0,0))[1], b.get(k,(0,0))[0]-a.get(k,(0,0))[0], k) for k in set(a)|set(b)]
rows.sort(reverse=True)
print("total", sum(v[1] for v in a.values()), sum(v[1] for v in b.values()))
for r in rows[:25]: print(r)
PY
