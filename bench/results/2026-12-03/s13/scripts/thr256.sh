#!/bin/bash
# per-thread CPU (user, sys) of the server over 20 s at N binary clients with the project's load generator
JAR=$1; N=${2:-256}; FMT=${3:-bin}; OUT=/tmp/s13/thr; cd /work/main
rm -rf /tmp/jr-thr
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-thr > $OUT/s.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp ${BENCH:-bench/target/benchmarks.jar} org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients $N --lobbies $((N/16)) --duration 25 --warmup 10 --probes 4 --format $FMT --decode probes --connect-rate 200 \
    --server-pid $SP > $OUT/lt.log 2>&1 &
LP=$!
sleep 17
snap() { for t in /proc/$SP/task/*; do echo "$(cat $t/comm | tr ' ' _) $(awk '{print $14, $15}' $t/stat) $(grep -E '^(voluntary|nonvoluntary)' $t/status | awk '{print $2}' | tr '\n' ' ')"; done; }
snap > $OUT/a.txt; sleep 20; snap > $OUT/b.txt
wait $LP; kill $SP; wait $SP 2>/dev/null
python3 - <<'PY'
import collections
def rd(f):
    d={}
    for l in open(f):
        p=l.split()
        d.setdefault(p[0],[0,0,0,0])
        for i in range(4): d[p[0]][i]+=int(p[1+i])
    return d
a=rd('/tmp/s13/thr/a.txt'); b=rd('/tmp/s13/thr/b.txt')
tot=[0,0,0,0]
rows=[]
for k in b:
    x=[b[k][i]-a.get(k,[0]*4)[i] for i in range(4)]
    for i in range(4): tot[i]+=x[i]
    rows.append((x[0]+x[1],k,x))
rows.sort(reverse=True)
for s,k,x in rows[:14]:
    print(f"{k:28s} user {x[0]/20:5.1f}% sys {x[1]/20:5.1f}%  vcs/s {x[2]/20:7.0f} ivcs/s {x[3]/20:6.0f}")
print(f"{'TOTAL':28s} user {tot[0]/20:5.1f}% sys {tot[1]/20:5.1f}%  vcs/s {tot[2]/20:7.0f} ivcs/s {tot[3]/20:6.0f}")
PY
grep -E "snapshots/s per|input-to-effect|CPU %|load generator" $OUT/lt.log
