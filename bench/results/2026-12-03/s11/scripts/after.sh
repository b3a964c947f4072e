#!/bin/bash
# after.sh: the 256-client set with the new jar, then a 200-s pair (new, head), then ZGC x2 with safepoint logs
/work/main/bench/results/2026-12-03/s10/set/set.sh /tmp/s11/new.jar /tmp/s11/set-new
R=/work/main/bench/results/2026-12-03/s10/r1024
for t in new head; do
  OUT=/tmp/s11/l200 DUR=200 JVM="-Xlog:gc+age=trace,gc+phases=debug:file=/tmp/s11/l200/age-$t.log:time,uptime" $R/run1024g.sh /tmp/s11/$t.jar $t
done
for i in 1 2; do
  OUT=/tmp/s11/zsp JVM="-XX:+UseZGC -Xlog:safepoint:file=/tmp/s11/zsp/sp-zgc-$i.log:time,uptime" $R/run1024g.sh /tmp/s11/new.jar zgc-$i
done
