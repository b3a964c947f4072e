#!/bin/bash
# usage: run1024.sh JAR TAG [jvm flags]
JAR=$1; TAG=$2; shift 2; OUT=/tmp/r1024; mkdir -p $OUT; cd /work/main
rm -rf /tmp/jr-1024
java "$@" -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 $EXTRA > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 20 --warmup 15 --probes 32 --format bin --connect-rate 200 --server-pid $SP $LGEXTRA > $OUT/lt-$TAG.log 2>&1 &
LG=$!
for s in $(seq 0 ${SAMPLES:-8}); do
  echo "$(date +%H:%M:%S.%N | cut -c1-12) $(curl -s 127.0.0.1:18200/metrics | grep -E '^jetraiders_late_ticks_total' | awk '{s+=$2} END {print s}')" >> $OUT/late-$TAG.txt
  sleep ${PERIOD:-5}
done
wait $LG
kill $SP; wait $SP 2>/dev/null
grep -E "server pid|snapshots/s per|input-to-effect|largest|disconnects  " $OUT/lt-$TAG.log
tr '\n' ' ' < $OUT/late-$TAG.txt; echo
