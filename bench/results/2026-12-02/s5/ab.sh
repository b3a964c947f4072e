#!/bin/bash
# usage: ab.sh ROUNDS OUTPREFIX "label|jar|server args" ...   (256 bin clients, peers loadgen, like compare.sh)
ROUNDS=$1; OUT=$2; shift 2
N=${N:-256}; TGT=${TGT:-bin}
for r in $(seq 1 $ROUNDS); do
  for spec in "$@"; do
    IFS="|" read -r label jar args jvmf <<< "$spec"
    rm -rf /tmp/jr-ab-data
    java $jvmf -jar $jar --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-ab-data $args > /tmp/ab-srv.log 2>&1 & SPID=$!
    for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.2; done; sleep 0.5
    node /tmp/jr-peers/loadgen/index.js --target $TGT --port 18090 --clients $N --per-room 16 --probes 4 --duration 20 --warmup 5 --server-pid $SPID --lobby-prefix ab$r > /tmp/ab-lg.log 2>&1
    cpu=$(grep 'server CPU %' /tmp/ab-lg.log | awk '{print $NF}')
    lg=$(grep 'loadgen CPU %' /tmp/ab-lg.log | awk '{print $NF}')
    p99=$(grep 'probe latency p50' /tmp/ab-lg.log | awk '{print $(NF-3), $(NF-1)}')
    rss=$(grep 'server RSS peak' /tmp/ab-lg.log | awk '{print $(NF-2)}')
    snap=$(grep 'snapshots / client / s' /tmp/ab-lg.log | awk '{print $(NF-1), $NF}')
    echo "$(date +%H:%M:%S) r$r $label cpu $cpu lg $lg p90/p99 $p99 rss $rss snaps $snap" | tee -a $OUT
    kill $SPID; wait $SPID 2>/dev/null; sleep 1
  done
done
