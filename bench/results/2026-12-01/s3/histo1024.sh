#!/bin/bash
# usage: histo1024.sh JAR TAG [clients lobbies] -> jmap -histo:live at steady state
JAR=$1; TAG=$2; N=${3:-1024}; L=${4:-64}; OUT=/tmp/histo; mkdir -p $OUT; cd /work/main
rm -rf /tmp/jr-h
java -jar $JAR --port 18301 --http-port 18300 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-h > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18301) 2>/dev/null && break; sleep 0.2; done
jmap -histo:live $SP > $OUT/h0-$TAG.txt
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18301/ws \
    --clients $N --lobbies $L --duration 10 --warmup 15 --probes 8 --format bin --connect-rate 200 --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LG=$!
sleep 20
jmap -histo:live $SP > $OUT/h1-$TAG.txt; rm -f $OUT/d-$TAG.hprof; jcmd $SP GC.heap_dump $OUT/d-$TAG.hprof >/dev/null
wait $LG
kill $SP; wait $SP 2>/dev/null
head -3 $OUT/h1-$TAG.txt; tail -1 $OUT/h0-$TAG.txt; tail -1 $OUT/h1-$TAG.txt
