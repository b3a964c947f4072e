#!/bin/bash
# usage: promoted256.sh JAR TAG : 256 bin clients; CPU per thread over 10 s, then a full GC (all old), then 10 s again
JAR=$1; TAG=$2
rm -rf /tmp/jr-p256
java -Xlog:gc*=debug:file=/tmp/p256-gc-$TAG.log -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-p256 > /tmp/p256-srv-$TAG.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.1; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target bin --port 18090 --clients 256 --duration 50 --warmup 8 --server-pid $SPID --lobby-prefix p > /tmp/p256-lg-$TAG.log 2>&1 &
LG=$!
sleep 12
echo "-- young objects (as in compare.sh's window)"; python3 /tmp/thrcpu.py $SPID 12 | grep -E "TOTAL|G1|jr-clients-#|WebSocket"
jcmd $SPID GC.run >/dev/null; sleep 2
echo "-- after a full GC: every object old (as in a long-running server)"; python3 /tmp/thrcpu.py $SPID 12 | grep -E "TOTAL|G1|jr-clients-#|WebSocket"
sleep 3; jcmd $SPID GC.run >/dev/null
wait $LG; kill $SPID; wait $SPID 2>/dev/null
grep -E "Concurrent refinement:" /tmp/p256-gc-$TAG.log | tail -2 | cut -c1-150
