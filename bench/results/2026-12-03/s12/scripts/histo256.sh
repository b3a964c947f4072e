#!/bin/bash
# usage: histo256.sh JAR TAG [bin|json] -- 256 clients (16 lobbies, the project's load generator), and 25 s after it starts
# jmap -histo:live (a full collection: a diagnostic run): what a 256-client server keeps alive, by class
JAR=$1; TAG=$2; FMT=${3:-json}; OUT=${OUT:-/tmp/s12/histo}; mkdir -p $OUT; cd /work/main
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-256h
java -jar $JAR --port 18201 --http-port 18200 --data-dir /tmp/jr-256h > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 256 --lobbies 16 --duration 20 --warmup 10 --probes 8 --format $FMT --decode probes --connect-rate 200 > $OUT/lt-$TAG.log 2>&1 &
LG=$!
sleep 25
jmap -histo:live $SP > $OUT/histo-$TAG.txt
wait $LG
kill $SP; wait $SP 2>/dev/null
echo "== $TAG $FMT $(date +%H:%M:%S)"; grep -E "^Total|\[B " $OUT/histo-$TAG.txt | head -3
