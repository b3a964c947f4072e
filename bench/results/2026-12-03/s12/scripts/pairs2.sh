#!/bin/bash
# pairs2.sh N: the 1,024-client run (60-s window), alternating the build with rings made with a quarter of the world's projectiles (room, e939efe: a quarter of the capacity, 64 to 128) and the one before it (tlb, 02b4396)
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=/tmp/s12/pairs2 DUR=60
for i in $(seq 1 ${1:-3}); do
 for t in room tlb; do
  JVM="-Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-$t-$i.log:time,uptime" $R/run1024g.sh /tmp/s12/$t.jar $t-$i
 done
done
