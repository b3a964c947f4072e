#!/bin/bash
# pairs.sh A B N: N alternating pairs of the 1,024-client run (run1024w.sh: WARM s before a DUR-s window,
# defaults 15 and 60) with jars A and B; JVM (extra JVM flags, e.g. -XX:AutoBoxCacheMax=65536) applies to both;
# gc+age logged; each run's summary and its young pauses printed. OUT: the folder (default /tmp/s13/pairs).
A=$1; B=$2; N=${3:-3}; OUT=${OUT:-/tmp/s13/pairs}; mkdir -p $OUT; cd /work/main
for i in $(seq 1 $N); do
  for j in $A $B; do
    t=$(basename $j .jar)-$i
    OUT=$OUT JVM="$JVM -Xlog:gc+age=trace:file=$OUT/age-$t.log:time,uptime" bench/results/2026-12-03/s13/scripts/run1024w.sh $j $t \
      | grep -E "==|late|p99|RSS MiB|server pid|generator CPU"
    grep -E "Pause|G1 Periodic" $OUT/gc-$t.log | sed 's/^\[[^]]*\]//' | tail -4 | cut -c1-120
  done
done
