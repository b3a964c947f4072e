#!/bin/bash
# usage: ab1024gc.sh JAR TAG RENICE_GC(0|1) [server flags...] — as s7/ab1024.sh (1,024 binary clients, 64 lobbies,
# --decode probes, 20-s window after 15 s), with -Xlog:gc; RENICE_GC=1 renices the JVM's GC worker threads and
# VM Thread to -10 3 s and 10 s after the load starts (G1 starts its workers on demand; both exist by then)
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
JAR=$1; TAG=$2; RG=$3; shift 3; OUT=/tmp/s8/ab; mkdir -p $OUT; cd /work/main
rm -rf /tmp/jr-1024
java -Xlog:gc,gc+phases=debug:file=$OUT/gc-$TAG.log:uptime -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 "$@" > $OUT/s-$TAG.log 2>&1 &
SP=$!
renice_gc() {
  for t in /proc/$SP/task/*; do
    c=$(cat $t/comm 2>/dev/null)
    case "$c" in "GC Thread"*|"VM Thread") renice -n -10 -p ${t##*/} >/dev/null 2>&1;; esac
  done
}
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 20 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LG=$!
: > $OUT/late-$TAG.txt
for s in $(seq 0 44); do
  [ "$RG" = 1 ] && { [ $s = 3 ] || [ $s = 10 ]; } && renice_gc
  if [ $((s % 5)) = 0 ]; then
    echo "$(date +%H:%M:%S.%N | cut -c1-12) $(curl -s 127.0.0.1:18200/metrics | grep -E '^jetraiders_late_ticks_total' | awk '{s+=$2} END {print s}')" >> $OUT/late-$TAG.txt
  fi
  sleep 1
done
for t in /proc/$SP/task/*; do echo "$(tr ' ' '_' < $t/comm) $(cat $t/schedstat) nice=$(sed 's/.*) //' $t/stat | awk '{print $17}')"; done | sort -k2 -n -r | head -12 > $OUT/sched-$TAG.txt
wait $LG
kill $SP; wait $SP 2>/dev/null
echo "== $TAG $(date +%H:%M:%S) $(/tmp/mb | tail -1)"
grep -E "snapshots/s per|input-to-effect|CPU|disconnects  " $OUT/lt-$TAG.log | tr -s ' '
echo "late: $(tr '\n' ' ' < $OUT/late-$TAG.txt)"
echo "young pauses (ms): $(grep -E 'Pause Young.*ms$' $OUT/gc-$TAG.log | sed -E 's/.* ([0-9.]+)ms$/\1/' | tr '\n' ' ')"
