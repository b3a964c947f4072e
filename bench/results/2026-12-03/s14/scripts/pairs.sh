#!/bin/bash
# pairs.sh N [DUR] -- alternating 1,024-client runs (run1024g.sh, WARM=15) of $JARS/$A.jar and $JARS/$B.jar
# (defaults: /tmp/s14, head and ping), -XX:AutoBoxCacheMax=65536, GC log with ages and phases in $OUT/gcx-TAG.log;
# BENCH: the load generator jar (default /tmp/s14/bench.jar)
N=$1; D=${2:-60}; OUT=${OUT:-/tmp/s14/ping}; JARS=${JARS:-/tmp/s14}; cd /work/main
for i in $(seq 1 $N); do
  for j in ${A:-head} ${B:-ping}; do
    OUT=$OUT BENCH=${BENCH:-/tmp/s14/bench.jar} DUR=$D JVM="-XX:AutoBoxCacheMax=65536 -Xlog:gc*,gc+age=trace,gc+phases=debug:file=$OUT/gcx-$j-$D-$i.log:time,uptime" \
      bench/results/2026-12-03/s10/r1024/run1024g.sh $JARS/$j.jar $j-$D-$i
  done
done
