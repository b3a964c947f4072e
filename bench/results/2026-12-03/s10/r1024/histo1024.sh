#!/bin/bash
# usage: histo1024.sh JAR TAG -- run1024m.sh's load; 30 s after the load generator starts, jmap -histo:live (a full collection:
# a diagnostic run, its figures are not the server's) -- what a 1,024-client server keeps alive
JAR=$1; TAG=$2; OUT=${OUT:-/tmp/s10/r1024}; mkdir -p $OUT; cd /work/main
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-1024
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 20 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 > $OUT/lt-$TAG.log 2>&1 &
LG=$!
sleep 30
jmap -histo:live $SP > $OUT/histo-$TAG.txt
wait $LG
kill $SP; wait $SP 2>/dev/null
head -40 $OUT/histo-$TAG.txt
