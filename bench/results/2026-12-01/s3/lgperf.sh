#!/bin/bash
# perf the Java load generator at 1024 clients
JAR=$1; TAG=$2; OUT=/tmp/r1024; cd /work/main
rm -rf /tmp/jr-1024
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024 > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -XX:+PreserveFramePointer -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 20 --warmup 15 --probes 32 --format bin --connect-rate 200 --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LG=$!
sleep 22
python3 /tmp/thrcpu.py $LG 8 > $OUT/lgthr-$TAG.txt &
perf record -F 1999 -g -p $LG -o /tmp/lgperf-$TAG.data -- sleep 8 2>/dev/null >/dev/null
jcmd $LG Compiler.perfmap >/dev/null
wait $LG
kill $SP; wait $SP 2>/dev/null
cat $OUT/lgthr-$TAG.txt
