#!/bin/bash
# usage: hd1024.sh JAR TAG -- live histograms 25 s and 70 s into a 1,024-client binary load (project load generator)
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
JAR=$1; TAG=$2; O=/tmp/s7/hd-$TAG; mkdir -p $O; rm -rf /tmp/jr-hd; cd /work/main
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-hd > $O/srv.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 70 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 --server-pid $SPID > $O/lt.log 2>&1 &
LG=$!
sleep 25; jmap -histo:live $SPID > $O/h1.txt; date +%T
sleep 45; jmap -histo:live $SPID > $O/h2.txt; date +%T
wait $LG; kill $SPID; wait $SPID 2>/dev/null
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
rows=sorted(((b.get(k,(0,0))[1]-a.get(k,(0,0))[1], b.get(k,(0,0))[0]-a.get(k,(0,0))[0], k) for k in set(a)|set(b)), reverse=True)
print("total live: %.2f MB -> %.2f MB" % (sum(v[1] for v in a.values())/1e6, sum(v[1] for v in b.values())/1e6))
for db,dn,k in rows[:14]: print("%+10d B %+8d  %s" % (db,dn,k))
PY
