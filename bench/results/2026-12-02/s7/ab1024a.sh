#!/bin/bash
# usage: ab1024.sh JAR TAG [server flags...] — 1,024 binary clients (64 lobbies x 16, --decode probes), 20-s window after 15 s;
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
# late ticks read every 5 s from /metrics; per-thread schedstat at the end
JAR=$1; TAG=$2; shift 2; OUT=/tmp/s7/ab; mkdir -p $OUT; cd /work/main
rm -rf /tmp/jr-1024
java -Xlog:gc*=debug,gc+age=trace:file=$OUT/gcd-$TAG.log:uptime -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 "$@" > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration ${DUR:-20} --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LG=$!
: > $OUT/late-$TAG.txt
for s in $(seq 0 ${NS:-8}); do
  echo "$(date +%H:%M:%S.%N | cut -c1-12) $(curl -s 127.0.0.1:18200/metrics | grep -E '^jetraiders_late_ticks_total' | awk '{s+=$2} END {print s}')" >> $OUT/late-$TAG.txt
  sleep 5
done
for t in /proc/$SP/task/*; do echo "$(tr ' ' '_' < $t/comm) $(cat $t/schedstat)"; done | sort -k2 -n -r | head -8 > $OUT/sched-$TAG.txt
wait $LG
kill $SP; wait $SP 2>/dev/null
echo "== $TAG $(date +%H:%M:%S) $(/tmp/mb | tail -1)"
grep -E "snapshots/s per|input-to-effect|CPU|disconnects  " $OUT/lt-$TAG.log | tr -s ' '
echo "late: $(tr '\n' ' ' < $OUT/late-$TAG.txt)"
grep jr-game-loop $OUT/sched-$TAG.txt | awk '{printf "game loop: run %.2f s, waited %.2f s in %d slices (%.3f ms/slice)\n", $2/1e9, $3/1e9, $4, $3/1e6/$4}'
