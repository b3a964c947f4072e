#!/bin/bash
# live-heap class histograms (jmap -histo:live, a full collection each) at 40, 100 and 160 s of a 1,024-client load
JAR=$1; TAG=$2; OUT=${OUT:-/tmp/s13/histo}; mkdir -p $OUT; cd /work/main
shift 2
rm -rf /tmp/jr-1024
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 "$@" > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp /tmp/s13/bench-head.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 160 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 \
    --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LP=$!
for t in 40 100 160; do sleep $((t == 40 ? 40 : 60)); jmap -histo:live $SP > $OUT/h$t-$TAG.txt; done
kill $LP; wait $LP 2>/dev/null; kill $SP; wait $SP 2>/dev/null
