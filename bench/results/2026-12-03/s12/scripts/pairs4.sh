#!/bin/bash
# pairs4.sh N: the 1,024-client run (60-s window), alternating an experiment (room3: room2.patch plus the journal image buffers made at 16 KB, room3-experiment.patch) with tlb (02b4396, the code of main)
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=/tmp/s12/pairs4 DUR=60
for i in $(seq 1 ${1:-3}); do
 for t in room3 tlb; do
  JVM="-Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-$t-$i.log:time,uptime" $R/run1024g.sh /tmp/s12/$t.jar $t-$i
 done
done
