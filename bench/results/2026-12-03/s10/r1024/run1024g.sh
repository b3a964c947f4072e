#!/bin/bash
# usage: [DUR=seconds] JVM="jvm flags" run1024g.sh JAR TAG [server flags] -- run1024m.sh with extra JVM flags; -- the 1,024-client run: 64 lobbies x 16 binary clients, the project's load
# generator with --decode probes; no scraper beside it: the load generator reads the server's tick counters at the start and
# end of its 20-s window (--server-metrics). -Xlog:gc for the young pauses.
# WARM (seconds of load before the window, default 15) and BENCH (the load generator jar, default bench/target/benchmarks.jar) may be set
JAR=$1; TAG=$2; shift 2; OUT=${OUT:-/tmp/s10/r1024}; mkdir -p $OUT; cd /work/main
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-1024
java -Xlog:gc:file=$OUT/gc-$TAG.log:time,uptime $JVM -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 "$@" > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp ${BENCH:-bench/target/benchmarks.jar} org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration ${DUR:-20} --warmup ${WARM:-15} --probes 32 --format bin --decode probes --connect-rate 200 \
    --server-pid $SP --server-metrics http://127.0.0.1:18200/metrics > $OUT/lt-$TAG.log 2>&1
kill $SP; wait $SP 2>/dev/null
echo "== $TAG $(date +%H:%M:%S) $(/tmp/mb 2>/dev/null | tail -1)"
grep -E "server ticks in the window|snapshots/s per|input-to-effect|server pid|server peak RSS|server threads|server context|load generator CPU|disconnects  " $OUT/lt-$TAG.log | tr -s ' '
