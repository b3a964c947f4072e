#!/bin/bash
# oldobj.sh JAR TAG: 1,024 clients, 60-s window, JFR with old-object samples (objects sampled at allocation that are
# still alive when the recording ends, with their allocation time and stack), into OUT (default /tmp/s11/old)
# JVM (extra server JVM flags, default none) and BENCH (the load generator jar, default bench/target/benchmarks.jar) may be set
JAR=$1; TAG=$2; OUT=${OUT:-/tmp/s11/old}; mkdir -p $OUT; cd /work/main
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-1024
java $JVM -XX:FlightRecorderOptions:old-object-queue-size=4096 -XX:StartFlightRecording=settings=profile,filename=$OUT/jfr-$TAG.jfr,dumponexit=true,jdk.OldObjectSample#cutoff=0s,jdk.OldObjectSample#enabled=true \
    -Xlog:gc:file=$OUT/gc-$TAG.log:time,uptime -jar $JAR --port 18201 --http-port 18200 \
    --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp ${BENCH:-bench/target/benchmarks.jar} org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 60 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 \
    --server-pid $SP --server-metrics http://127.0.0.1:18200/metrics > $OUT/lt-$TAG.log 2>&1 &
LP=$!
sleep 70
jcmd $SP JFR.dump name=1 filename=$OUT/dump-$TAG.jfr > /dev/null
wait $LP
kill $SP; wait $SP 2>/dev/null
jfr print --events jdk.OldObjectSample --stack-depth 10 $OUT/dump-$TAG.jfr > $OUT/old-$TAG.txt
