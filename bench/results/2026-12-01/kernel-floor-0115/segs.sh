#!/bin/bash
# usage: segs.sh ours|colyseus  -> TCP segment counters over 10 s of a 256-client bin run
SIDE=$1
if [ $SIDE = ours ]; then
  rm -rf /tmp/jr-sg; java -jar /tmp/jr-base.jar --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-sg > /tmp/sg-srv.log 2>&1 & SPID=$!; PORT=18090; TGT=bin
else
  node /tmp/jr-peers/colyseus-server/server.js --port 2567 --max-clients 16 > /tmp/sg-srv.log 2>&1 & SPID=$!; PORT=2567; TGT=colyseus
fi
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.2; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target $TGT --port $PORT --clients 256 --duration 20 --warmup 5 --server-pid $SPID --lobby-prefix sg > /tmp/sg-lg.log 2>&1 &
LG=$!
sleep 12
nstat -n >/dev/null
sleep 10
nstat -z 2>/dev/null | grep -E "TcpInSegs|TcpOutSegs|TcpExtDelayedACKs|TcpExtTCPPureAcks|TcpExtTCPHPAcks|TcpExtTCPHPHits|TcpExtTCPDelivered |TcpExtTCPLossProbes|TcpExtTCPAutoCorking|TcpExtTCPOrigDataSent|TcpRetransSegs|TcpExtTCPRcvCoalesce|TcpExtTCPBacklogCoalesce|TcpExtTCPBacklog|TcpExtDelayedACKLost|TcpExtTCPToZeroWindow|TcpExtTCPWantZeroWindow|TcpExtTCPFromZero|TcpExtTCPACKSkipped|TcpExtTCPWinProbe|TcpExtQuick|TcpExtTCPDSACK" 
wait $LG
grep -E "server CPU" /tmp/sg-lg.log
kill $SPID; wait $SPID 2>/dev/null
