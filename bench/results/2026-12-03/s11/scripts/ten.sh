#!/bin/bash
# ten.sh: 1,024 clients, 60-s window, default tenuring against MaxTenuringThreshold=1, GC ages and phases logged
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=/tmp/s11/ten DUR=60
for p in 1; do
 JVM="-Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-def-$p.log:time,uptime" $R/run1024g.sh /tmp/s11/head.jar def-$p
 JVM="-XX:MaxTenuringThreshold=1 -Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-mtt1-$p.log:time,uptime" $R/run1024g.sh /tmp/s11/head.jar mtt1-$p
done
