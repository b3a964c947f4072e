#!/bin/bash
# 1,024 clients, 60-s window, JFR: allocation samples (throttled 2000/s) and G1's promotion events
# JVM (extra server JVM flags, default none) may be set
JAR=$1; TAG=$2; OUT=${OUT:-/tmp/s13/alloc}; mkdir -p $OUT; cd /work/main
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-1024
java $JVM -XX:StartFlightRecording=settings=profile,filename=$OUT/jfr-$TAG.jfr,dumponexit=true,jdk.ObjectAllocationSample#throttle=2000/s,jdk.PromoteObjectInNewPLAB#enabled=true,jdk.PromoteObjectOutsidePLAB#enabled=true \
    -Xlog:gc*=debug:file=$OUT/gc-$TAG.log:time,uptime -jar $JAR --port 18201 --http-port 18200 \
    --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp ${BENCH:-bench/target/benchmarks.jar} org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 60 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 \
    --server-pid $SP --server-metrics http://127.0.0.1:18200/metrics > $OUT/lt-$TAG.log 2>&1 &
LP=$!
sleep 75
jcmd $SP JFR.dump name=1 filename=$OUT/dump-$TAG.jfr > /dev/null
wait $LP
kill $SP; wait $SP 2>/dev/null
