#!/bin/bash
# usage: sysc.sh JAR TAG  -> syscall counts over 5 s at 256 bin clients
JAR=$1; TAG=$2; shift 2
rm -rf /tmp/jr-perf-data
java -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-perf-data "$@" > /tmp/sysc-srv-$TAG.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.1; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target bin --port 18090 --clients 256 --duration 15 --warmup 5 --server-pid $SPID --lobby-prefix sc > /tmp/sysc-lg-$TAG.log 2>&1 &
LG=$!
sleep 10
perf stat -e 'raw_syscalls:sys_enter' -e 'syscalls:sys_enter_write' -e 'syscalls:sys_enter_read' -e 'syscalls:sys_enter_epoll_wait' -e 'syscalls:sys_enter_epoll_ctl' -e 'syscalls:sys_enter_futex' -e 'syscalls:sys_enter_writev' -e 'syscalls:sys_enter_clock_nanosleep' -e 'syscalls:sys_enter_nanosleep' -e 'syscalls:sys_enter_sched_yield' -e 'context-switches' -p $SPID -- sleep 5 2>&1 | grep -E 'sys_enter|context' 
wait $LG
grep -E 'server CPU|probe latency|snapshots / client' /tmp/sysc-lg-$TAG.log
kill $SPID; wait $SPID 2>/dev/null
