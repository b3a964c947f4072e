#!/bin/bash
# usage: gcx.sh TAG "JVM FLAGS" -- ab1024f.sh's 1,024-client run with extra JVM flags before -jar (no chrt)
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
TAG=$1; FL=$2; OUT=/tmp/s9/gcx; mkdir -p $OUT; cd /work/main; JAR=/tmp/s9/head.jar
rm -rf /tmp/jr-1024
java $FL -Xlog:gc,safepoint:file=$OUT/gc-$TAG.log:time,uptime -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 20 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LG=$!
sleep 2; /tmp/s9/hic/hiccup 40 4 > $OUT/hic-$TAG.txt &
: > $OUT/late-$TAG.txt
while kill -0 $LG 2>/dev/null; do
  echo "$(date +%H:%M:%S.%N | cut -c1-12) $(curl -s 127.0.0.1:18200/metrics | grep -E '^jetraiders_late_ticks_total' | awk '{s+=$2} END {print s}')" >> $OUT/late-$TAG.txt
  sleep 0.5
done
grep -E 'VmHWM|VmRSS' /proc/$SP/status > $OUT/rss-$TAG.txt
kill $SP; wait $SP 2>/dev/null
echo "== $TAG $(date +%H:%M:%S) $(/tmp/mb 2>/dev/null | tail -1) $(tr '\n' ' ' < $OUT/rss-$TAG.txt)"
