#!/bin/bash
# usage: ab1024f.sh JAR TAG MODE [server flags] -- 1,024 binary clients (64x16, --decode probes), 15-s warm-up, 20-s window;
# MODE fifo: the game-loop and encoding threads are put in SCHED_FIFO 10 by hand (chrt) 2 s after the port opens; else left.
# -Xlog:gc,safepoint; late-tick total every 0.5 s; schedstat of the game loop at the end.
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
JAR=$1; TAG=$2; MODE=$3; shift 3; OUT=/tmp/s9/f98; mkdir -p $OUT; cd /work/main
rm -rf /tmp/jr-1024
java -Xlog:gc,safepoint:file=$OUT/gc-$TAG.log:time,uptime -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 "$@" > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 20 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LG=$!
sleep 2; /tmp/s9/hic/hiccup 40 4 > $OUT/hic-$TAG.txt &
if [ "$MODE" = fifo ]; then
  for t in /proc/$SP/task/*; do c=$(cat $t/comm); case "$c" in jr-game-loop*|jr-clients-enco*) chrt -f -p 98 $(basename $t) && echo "fifo $c" >> $OUT/chrt-$TAG.txt;; esac; done
fi
: > $OUT/late-$TAG.txt
while kill -0 $LG 2>/dev/null; do
  echo "$(date +%H:%M:%S.%N | cut -c1-12) $(curl -s 127.0.0.1:18200/metrics | grep -E '^jetraiders_late_ticks_total' | awk '{s+=$2} END {print s}')" >> $OUT/late-$TAG.txt
  sleep 0.5
  [ -f $OUT/sched-$TAG.txt ] || { grep -q 'window' $OUT/lt-$TAG.log 2>/dev/null; }
done
kill $SP; wait $SP 2>/dev/null
echo "== $TAG $(date +%H:%M:%S) $(/tmp/mb 2>/dev/null | tail -1)"
grep -E "snapshots/s per|input-to-effect|CPU|disconnects  " $OUT/lt-$TAG.log | tr -s ' '
