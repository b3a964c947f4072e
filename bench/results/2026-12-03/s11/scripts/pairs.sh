#!/bin/bash
# pairs.sh N: the 1,024-client run with a 60-s window, alternating the head of main before this change (head) and
# with it (new), GC ages and phases logged; N pairs
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=/tmp/s11/pairs DUR=60
for i in $(seq 1 ${1:-3}); do
 for t in new head; do
  JVM="-Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-$t-$i.log:time,uptime" $R/run1024g.sh /tmp/s11/$t.jar $t-$i
 done
done
