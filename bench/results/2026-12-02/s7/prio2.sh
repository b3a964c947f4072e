#!/bin/bash
# usage: prio.sh JAR TAG NICE_PATTERN NICE  — 1,024 clients; at ~22 s into the load, renice threads whose comm matches the pattern
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
JAR=$1; TAG=$2; PAT=$3; NICE=$4; OUT=/tmp/s7/r1024; mkdir -p $OUT; cd /work/main
rm -rf /tmp/jr-1024
java $JVMFLAGS -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration ${DUR:-40} --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LG=$!
for s in $(seq 0 ${NS:-14}); do
  if [ $s = ${AT:-7} ] && [ "$PAT" != none ]; then
    for t in /proc/$SP/task/*; do c=$(cat $t/comm); if echo "$c" | grep -qE "$PAT"; then renice -n $NICE -p $(basename $t) >/dev/null; echo "reniced $c $(basename $t)" >> $OUT/late-$TAG.txt; fi; done
  fi
  echo "$(date +%H:%M:%S.%N | cut -c1-12) $(curl -s 127.0.0.1:18200/metrics | grep -E '^jetraiders_late_ticks_total' | awk '{s+=$2} END {print s}')" >> $OUT/late-$TAG.txt
  sleep ${PERIOD:-5}
done
for t in /proc/$SP/task/*; do echo "$(cat $t/comm) $(cat $t/schedstat)"; done | sort -k3 -n -r | head -12 > $OUT/sched-$TAG.txt
wait $LG
kill $SP; wait $SP 2>/dev/null
grep -E "server pid|snapshots/s per|input-to-effect|largest|disconnects  " $OUT/lt-$TAG.log
cat $OUT/late-$TAG.txt | tr '\n' ' '; echo; cat $OUT/sched-$TAG.txt
