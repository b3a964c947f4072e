#!/bin/bash
# usage: jfralloc.sh JAR TAG N -- JFR allocation samples over a 70-s load of N bin clients
JAR=$1; TAG=$2; N=$3; O=/tmp/s6/ja-$TAG; mkdir -p $O; rm -rf /tmp/jr-ja
java -XX:StartFlightRecording=settings=profile,filename=$O/rec.jfr,dumponexit=true -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-ja > $O/srv.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.2; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target bin --port 18090 --clients $N --per-room 16 --probes 4 --duration 70 --warmup 5 --server-pid $SPID --lobby-prefix ja > $O/lg.log 2>&1
kill $SPID; wait $SPID 2>/dev/null
jfr print --events jdk.ObjectAllocationSample --stack-depth 8 $O/rec.jfr > $O/alloc.txt
