#!/bin/bash
# usage: trace1024.sh JAR TAG [server flags] -- 1,024 binary clients as ab1024f.sh (no chrt); from 13 s to 35 s after the load
# generator starts: perf records the game-loop thread's wake-ups and switches (system-wide sched tracepoints filtered on its tid),
# /proc/stat's per-CPU steal is sampled every 0.1 s, late ticks every 0.5 s
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
JAR=$1; TAG=$2; shift 2; OUT=/tmp/s9/tr; mkdir -p $OUT; cd /work/main
rm -rf /tmp/jr-1024
java -Xlog:gc,safepoint:file=$OUT/gc-$TAG.log:time,uptime -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 "$@" > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 20 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LG=$!
GL=$(for t in /proc/$SP/task/*; do [ "$(cat $t/comm)" = jr-game-loop-0 ] && basename $t; done)
echo "game loop tid $GL" > $OUT/tid-$TAG.txt
( sleep 13; perf record -a -e sched:sched_waking --filter "pid == $GL" -e sched:sched_switch \
    --filter "prev_pid == $GL || next_pid == $GL" -o $OUT/perf-$TAG.data -- sleep 22 ) > $OUT/perf-$TAG.log 2>&1 &
( while kill -0 $LG 2>/dev/null; do echo "$(date +%s.%N | cut -c1-14) $(grep '^cpu[01]' /proc/stat | awk '{printf "%s ", $9}')"; sleep 0.1; done ) > $OUT/steal-$TAG.txt &
: > $OUT/late-$TAG.txt
while kill -0 $LG 2>/dev/null; do
  echo "$(date +%H:%M:%S.%N | cut -c1-12) $(curl -s 127.0.0.1:18200/metrics | grep -E '^jetraiders_late_ticks_total' | awk '{s+=$2} END {print s}')" >> $OUT/late-$TAG.txt
  sleep 0.5
done
wait $LG; sleep 1
kill $SP; wait $SP 2>/dev/null
echo "== $TAG $(date +%H:%M:%S) $(/tmp/mb 2>/dev/null | tail -1)"
grep -E "snapshots/s per|input-to-effect|CPU|disconnects  " $OUT/lt-$TAG.log | tr -s ' '
