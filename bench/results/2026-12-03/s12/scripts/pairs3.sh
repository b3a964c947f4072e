#!/bin/bash
# pairs3.sh N: the 1,024-client run (60-s window), alternating an experiment (room2: room-not-adopted.patch plus DeltaBodies writers made at 2,048 bytes, room2.patch) with tlb (02b4396, the code of main)
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=/tmp/s12/pairs3 DUR=60
for i in $(seq 1 ${1:-3}); do
 for t in room2 tlb; do
  JVM="-Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-$t-$i.log:time,uptime" $R/run1024g.sh /tmp/s12/$t.jar $t-$i
 done
done
