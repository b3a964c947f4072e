#!/bin/bash
while pgrep -f "r1024b.sh" > /dev/null; do sleep 3; done
JVM="-Xlog:gc+age=trace,gc+heap=debug:file=/tmp/s10/r1024/age-a1.log:time,uptime" bash /work/main/bench/results/2026-12-03/s10/r1024/run1024g.sh /tmp/s10/head.jar age-a1
echo done
bash /work/main/bench/results/2026-12-03/s10/r1024/histo1024.sh /tmp/s10/head.jar h1 > /tmp/s10/histo.out 2>&1
echo histo-done
