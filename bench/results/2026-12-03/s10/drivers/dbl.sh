#!/bin/bash
S=/work/main/bench/results/2026-12-03/s10/r1024/run1024g.sh
for i in 1 2; do
  DUR=60 JVM="-Xlog:gc+phases=debug,gc+age=trace:file=/tmp/s10/r1024/ph-q$i.log:time,uptime" bash $S /tmp/s10/head.jar quarter-$i
  DUR=60 JVM="-Xlog:gc+phases=debug,gc+age=trace:file=/tmp/s10/r1024/ph-d$i.log:time,uptime" bash $S /tmp/s10/dbl.jar double-$i
done
echo done
