#!/bin/bash
# rounds.sh JAR N "tag|jvm flags" ... -- N rounds of 1,024-client runs (run1024g.sh, WARM=15, DUR=60), one per config
# per round, in the order given; GC log in $OUT/gcx-TAG-i.log (GCLOG, the -Xlog selector, default with phases and ages); BENCH the load generator jar
JAR=$1; N=$2; shift 2; OUT=${OUT:-/tmp/s14/yg}; cd /work/main
for i in $(seq 1 $N); do
  for c in "$@"; do
    t=${c%%|*}; f=${c#*|}
    OUT=$OUT BENCH=${BENCH:-/tmp/s14/bench.jar} DUR=60 JVM="$f -Xlog:${GCLOG:-gc*,gc+age=trace,gc+phases=debug}:file=$OUT/gcx-$t-$i.log:time,uptime" \
      bench/results/2026-12-03/s10/r1024/run1024g.sh $JAR $t-$i
  done
done
