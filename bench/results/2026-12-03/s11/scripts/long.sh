#!/bin/bash
for t in ahead head; do OUT=/tmp/s11/long DUR=150 JVM="-Xlog:gc+age=trace,gc+phases=debug:file=/tmp/s11/long/age-$t.log:time,uptime" /work/main/bench/results/2026-12-03/s10/r1024/run1024g.sh /tmp/s11/$t.jar $t 2>&1 | grep -E "==|late|RSS|p50"; grep Pause long/gc-$t.log | tail -6; done
