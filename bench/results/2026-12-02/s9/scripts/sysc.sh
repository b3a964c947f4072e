#!/bin/bash
# usage: sysc.sh JAR TAG [server flags] -- 256 binary clients, project load generator; at ~15 s counts the server's syscalls for 10 s (perf tracepoints) and loopback TCP segments (nstat)
JAR=$1; TAG=$2; shift 2; OUT=/tmp/s9/sysc; mkdir -p $OUT; cd /work/main
CL=${CL:-256}; LB=$((CL/16))
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
rm -rf /tmp/jr-256
java -jar $JAR --port 18201 --http-port 18200 --max-lobbies-per-address 64 --data-dir /tmp/jr-256 "$@" > $OUT/s-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients $CL --lobbies $LB --duration 20 --warmup 10 --probes 16 --format bin --server-pid $SP > $OUT/lt-$TAG.log 2>&1 &
LP=$!
sleep 15
nstat -n
perf stat -x, -e 'syscalls:sys_enter_read,syscalls:sys_enter_write,syscalls:sys_enter_writev,syscalls:sys_enter_epoll_wait,syscalls:sys_enter_epoll_ctl,syscalls:sys_enter_futex,raw_syscalls:sys_enter,context-switches' -p $SP -o $OUT/perf-$TAG.txt -- sleep 10
nstat -z | grep -E 'TcpInSegs|TcpOutSegs|TcpExtDelayedACKs |TcpExtTCPPureAcks|TcpExtTCPHPAcks|TcpExtTCPHPHits |IpExtInOctets' > $OUT/nstat-$TAG.txt
wait $LP
kill $SP; wait $SP 2>/dev/null
echo "== $TAG"; cat $OUT/perf-$TAG.txt | awk -F, '/sys|switch/ {printf "%s %.0f/s\n", $3, $1/10}'; awk '{printf "%s %.0f/s\n",$1,$2/10}' $OUT/nstat-$TAG.txt
grep -E 'server pid|input-to-effect|snapshots/s per' $OUT/lt-$TAG.log
