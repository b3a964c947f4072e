#!/bin/bash
# after2.sh: a second 200-s pair (head first this time), then G1 and ZGC once more (new jar, 20-s window)
R=/work/main/bench/results/2026-12-03/s10/r1024
for t in head new; do
  OUT=/tmp/s11/l200b DUR=200 JVM="-Xlog:gc+age=trace,gc+phases=debug:file=/tmp/s11/l200b/age-$t.log:time,uptime" $R/run1024g.sh /tmp/s11/$t.jar $t
done
OUT=/tmp/s11/zsp JVM="" $R/run1024g.sh /tmp/s11/new.jar g1-3
OUT=/tmp/s11/zsp JVM="-XX:+UseZGC -Xlog:safepoint:file=/tmp/s11/zsp/sp-zgc-3.log:time,uptime" $R/run1024g.sh /tmp/s11/new.jar zgc-3
