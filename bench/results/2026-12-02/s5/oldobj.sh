#!/bin/bash
# usage: oldobj.sh JAR TAG N DURATION -- JFR old-object samples at N bin clients (peers loadgen)
JAR=$1; TAG=$2; N=$3; D=$4; O=/tmp/s5/oo-$TAG; mkdir -p $O; rm -rf /tmp/jr-oo
java -XX:StartFlightRecording=settings=profile,filename=$O/rec.jfr,path-to-gc-roots=true,dumponexit=true -Xlog:gc*=debug,gc+age=trace:file=$O/gc.log:uptime -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-oo > $O/srv.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.2; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target bin --port 18090 --clients $N --per-room 16 --probes 4 --duration $D --warmup 5 --server-pid $SPID --lobby-prefix oo > $O/lg.log 2>&1
kill $SPID; wait $SPID 2>/dev/null
grep -E "server CPU|snapshots" $O/lg.log
