#!/bin/bash
# pairs.sh A B N: the 1,024-client run (60-s window), alternating /tmp/s12/A.jar and /tmp/s12/B.jar (A first), GC ages
# and phases logged, N pairs, into OUT (default /tmp/s12/pairs). The jars each folder compares are in ../README.md.
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=${OUT:-/tmp/s12/pairs} DUR=60
mkdir -p $OUT
for i in $(seq 1 ${3:-3}); do
 for t in $1 $2; do
  JVM="-Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-$t-$i.log:time,uptime" $R/run1024g.sh /tmp/s12/$t.jar $t-$i
 done
done
