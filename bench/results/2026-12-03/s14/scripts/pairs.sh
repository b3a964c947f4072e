#!/bin/bash
# pairs.sh N [DUR] -- alternating 1,024-client runs (run1024g.sh, WARM=15) of head.jar and ping.jar, -XX:AutoBoxCacheMax=65536,
# GC log with ages and phases in $OUT/gcx-TAG.log
N=$1; D=${2:-60}; OUT=${OUT:-/tmp/s14/ping}; cd /work/main
for i in $(seq 1 $N); do
  for j in head ping; do
    OUT=$OUT BENCH=/tmp/s14/bench.jar DUR=$D JVM="-XX:AutoBoxCacheMax=65536 -Xlog:gc*,gc+age=trace,gc+phases=debug:file=$OUT/gcx-$j-$D-$i.log:time,uptime" \
      bench/results/2026-12-03/s10/r1024/run1024g.sh /tmp/s14/$j.jar $j-$D-$i
  done
done
