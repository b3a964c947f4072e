#!/bin/bash
# usage: soak.sh JAR TAG SECONDS "jvm flags" -- 256 binary clients (peers load generator), RSS and heap every 30 s
# s13 copy of the third session's soak.sh: output into OUT (default /tmp/s13/soak)
JAR=$1; TAG=$2; SECS=$3; FLAGS=$4; OUT=${OUT:-/tmp/s13/soak}; mkdir -p $OUT; O=$OUT/soak-$TAG.txt
rm -rf /tmp/jr-soak
java $FLAGS -Xlog:gc:file=$OUT/soak-gc-$TAG.log:uptime -jar $JAR --port 18095 --http-port 18096 --max-lobbies-per-address 64 --data-dir /tmp/jr-soak > $OUT/soak-srv-$TAG.log 2>&1 & SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18095) 2>/dev/null && break; sleep 0.2; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target bin --port 18095 --clients 256 --per-room 16 --probes 4 --duration $SECS --warmup 5 --server-pid $SP --lobby-prefix soak > $OUT/soak-lg-$TAG.log 2>&1 & LG=$!
echo "# $(date +%T) $TAG flags: $FLAGS" > $O
while kill -0 $LG 2>/dev/null; do
  echo "$(date +%T) rss_kb $(grep VmRSS /proc/$SP/status | awk '{print $2}') $(jcmd $SP GC.heap_info 2>/dev/null | grep -m1 'garbage-first heap' | sed 's/ \+/ /g')" >> $O
  sleep 30
done
grep -E 'server CPU|server RSS|probe latency p50|snapshots / client' $OUT/soak-lg-$TAG.log >> $O
kill $SP; wait $SP 2>/dev/null
