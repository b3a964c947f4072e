#!/bin/bash
# usage: nst.sh JAR TAG [server args] -> TCP counters over 5 s at 256 bin clients
JAR=$1; TAG=$2; shift 2
rm -rf /tmp/jr-perf-data
java -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-perf-data "$@" > /tmp/nst-srv-$TAG.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.1; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target ${TGT:-bin} --port 18090 --clients 256 --duration 15 --warmup 5 --server-pid $SPID --lobby-prefix sc > /tmp/nst-lg-$TAG.log 2>&1 &
LG=$!
sleep 10
nstat -n; sleep 5; nstat | grep -E 'TcpOutSegs|TcpInSegs|DelayedACK|PureAcks|HPAcks|TCPHPHits|QuickAck|TcpExtTCPAutoCorking|TcpExtTCPOrigDataSent'
wait $LG
grep -E 'server CPU|probe latency|snapshots / client' /tmp/nst-lg-$TAG.log
kill $SPID; wait $SPID 2>/dev/null
