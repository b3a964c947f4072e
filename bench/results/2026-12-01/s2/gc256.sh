#!/bin/bash
# usage: gc256.sh JAR TAG [fmt]
JAR=$1; TAG=$2; FMT=${3:-bin}
rm -rf /tmp/jr-g256
java -Xlog:gc*=debug:file=/tmp/gc256-$TAG.log -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-g256 > /tmp/g256-srv-$TAG.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.1; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target $FMT --port 18090 --clients 256 --duration 30 --warmup 8 --server-pid $SPID --lobby-prefix g > /tmp/g256-lg-$TAG.log 2>&1 &
LG=$!
sleep 14
python3 /tmp/thrcpu.py $SPID 20 > /tmp/g256-thr-$TAG.txt
wait $LG
grep -E 'server CPU|probe latency' /tmp/g256-lg-$TAG.log
kill $SPID; wait $SPID 2>/dev/null
grep -E "G1|TOTAL|jr-|WebSocket" /tmp/g256-thr-$TAG.txt
grep -E "Pause Young \(" /tmp/gc256-$TAG.log | grep -v "gc,start" | awk '{print $1, $(NF-1), $NF}' | tail -4
grep -E "Concurrent refinement:|Scan Heap Roots" /tmp/gc256-$TAG.log | tail -4 | cut -c1-150
