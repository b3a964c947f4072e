#!/bin/bash
# usage: jfr1024.sh JAR TAG -- run1024m.sh's load (60 s measured) with JFR's profile settings; prints the allocation
# samples from 25 s after the load generator started to the end, by class and by site (s5/jfragg.py)
JAR=$1; TAG=$2; OUT=${OUT:-/tmp/s10/r1024}; mkdir -p $OUT; cd /work/main
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-1024
java -XX:StartFlightRecording=settings=profile,filename=$OUT/jfr-$TAG.jfr,dumponexit=true -jar $JAR --port 18201 --http-port 18200 \
    --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 60 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 \
    --server-pid $SP --server-metrics http://127.0.0.1:18200/metrics > $OUT/lt-$TAG.log 2>&1
kill $SP; wait $SP 2>/dev/null
jfr print --events jdk.ObjectAllocationSample --stack-depth 8 $OUT/jfr-$TAG.jfr > $OUT/alloc-$TAG.txt
python3 /work/main/bench/results/2026-12-02/s5/jfragg.py $OUT/alloc-$TAG.txt 27 25 > $OUT/jfragg-$TAG.txt
cat $OUT/jfragg-$TAG.txt
