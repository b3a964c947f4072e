#!/bin/bash
# usage: pairs.sh N -- alternating 1,024-client runs of room.jar with -Djr.room=64 and 128 (AutoBoxCacheMax on both)
N=$1; OUT=/tmp/s14/room; cd /work/main
for i in $(seq 1 $N); do
  for r in 64 128; do
    OUT=$OUT BENCH=/tmp/s14/bench.jar DUR=60 JVM="-XX:AutoBoxCacheMax=65536 -Djr.room=$r -Xlog:gc*,gc+age=trace:file=$OUT/gcx-r$r-$i.log:time,uptime" \
      bench/results/2026-12-03/s10/r1024/run1024g.sh /tmp/s14/room.jar r$r-$i
  done
done
