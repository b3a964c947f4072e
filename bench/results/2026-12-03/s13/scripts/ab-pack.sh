#!/bin/bash
# ab.sh A B N: N alternating pairs of the 1,024-client run with WARM/DUR from the environment; gc+age logged
A=$1; B=$2; N=${3:-2}; OUT=${OUT:-/tmp/s13/ab}; mkdir -p $OUT; cd /work/main
for i in $(seq 1 $N); do
  for j in $A $B; do
    t=$(basename $j .jar)-$i
    WARM=${WARM:-60} DUR=${DUR:-60} OUT=$OUT BENCH=${BENCH:-bench/target/benchmarks.jar} JVM="-Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-$t.log:time,uptime" \
      bench/results/2026-12-03/s13/scripts/run1024w.sh $j $t | grep -E "==|late|p99|RSS MiB|server pid"
    grep "Pause" $OUT/gc-$t.log | awk -F'[][]' '{print "   ", $4, $0}' | sed 's/\[[^]]*\]\[[^]]*\]//' | tail -4 | cut -c1-130
  done
done
