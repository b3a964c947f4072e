#!/usr/bin/env bash
# run.sh LABEL JAR CLIENTS LOBBIES WARMUP [extra generator args...]
set -u
label=$1 jar=$2 clients=$3 lobbies=$4 warmup=$5; shift 5
out=/tmp/nio-loadgen/results; mkdir -p $out
cd /work/wt-loadgen
echo "== $label  $(date -u +%H:%M:%S) UTC  loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee $out/$label.txt
java -jar server/target/jet-raiders-server.jar --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 > $out/$label.server.log 2>&1 &
SP=$!
for i in $(seq 50); do (echo > /dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
sleep 1
java -cp $jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws --clients $clients --lobbies $lobbies \
   --duration 20 --warmup $warmup --format bin --server-pid $SP --json $out/$label.json "$@" > $out/$label.out 2> $out/$label.err &
GP=$!
python3 /tmp/nio-loadgen/procsample.py $(echo "$warmup + 0.7" | bc) 19 $GP $SP > $out/$label.proc 2>&1
wait $GP; echo "generator exit $?" >> $out/$label.txt
kill $SP; wait $SP 2>/dev/null
echo "loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)" >> $out/$label.txt
cat $out/$label.proc >> $out/$label.txt
cat $out/$label.txt
