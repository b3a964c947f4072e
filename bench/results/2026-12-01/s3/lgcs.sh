#!/bin/bash
# usage: lgcs.sh JAR TAG [server args] -> per-thread CPU/cs of server AND loadgen (node) at 256 bin
JAR=$1; TAG=$2; shift 2
rm -rf /tmp/jr-perf-data
java -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-perf-data "$@" > /tmp/lgcs-srv-$TAG.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.1; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target ${TGT:-bin} --port 18090 --clients 256 --duration 15 --warmup 5 --server-pid $SPID --lobby-prefix sc > /tmp/lgcs-lg-$TAG.log 2>&1 &
LG=$!
sleep 10
python3 /tmp/thrcpu.py $LG 5 > /tmp/lgcs-node-$TAG.txt &
python3 /tmp/thrcpu.py $SPID 5 > /tmp/lgcs-srv-$TAG.txt
wait $LG
grep -E 'server CPU|probe latency|snapshots / client' /tmp/lgcs-lg-$TAG.log
kill $SPID; wait $SPID 2>/dev/null
echo "-- server"; cat /tmp/lgcs-srv-$TAG.txt | head -8; echo "-- loadgen"; cat /tmp/lgcs-node-$TAG.txt
