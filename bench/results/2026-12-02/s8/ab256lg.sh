#!/bin/bash
# usage: ab256lg.sh JAR TAG [server flags] -- 256 binary clients (16 lobbies x 16), the project's load generator,
# 10-s warm-up, 20-s window; prints server CPU, context switches, p99 and the box's steal over the run
JAR=$1; TAG=$2; shift 2; OUT=/tmp/s8/ab256lg; mkdir -p $OUT; cd /work/main
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-256
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies-per-address 64 --data-dir /tmp/jr-256 "$@" > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
S0=$(head -1 /proc/stat)
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 256 --lobbies 16 --duration 20 --warmup 10 --probes 16 --format bin --server-pid $SP > $OUT/lt-$TAG.log 2>&1
S1=$(head -1 /proc/stat)
curl -s 127.0.0.1:18200/metrics | grep -E '^jetraiders_late_ticks_total' | awk '{s+=$2} END {print "late ticks (whole run) " s}' > $OUT/late-$TAG.txt
kill $SP; wait $SP 2>/dev/null
steal=$(python3 -c "a='$S0'.split()[1:];b='$S1'.split()[1:];d=[int(y)-int(x) for x,y in zip(a,b)];print('%.1f'%(100*d[7]/sum(d)))")
echo "$TAG $(date +%T) steal% $steal $(cat $OUT/late-$TAG.txt) | $(grep -E 'server pid|server context|input-to-effect|snapshots/s per' $OUT/lt-$TAG.log | tr -s ' ' | tr '\n' '|')"
