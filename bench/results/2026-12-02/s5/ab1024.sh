#!/bin/bash
# usage: ab1024.sh ROUNDS OUT "tag|jar|jvmflags" ...  -- alternating 1,024-client runs (run1024.sh), summary lines to OUT
ROUNDS=$1; OUT=$2; shift 2
for r in $(seq 1 $ROUNDS); do
  for spec in "$@"; do
    IFS="|" read -r tag jar jvmf <<< "$spec"
    /tmp/run1024.sh $jar $tag-$r $jvmf > /tmp/s5/r1024-$tag-$r.txt 2>&1
    snaps=$(grep "snapshots/s per client" /tmp/s5/r1024-$tag-$r.txt | awk '{print $4, $6}')
    cpu=$(grep "server pid" /tmp/s5/r1024-$tag-$r.txt | awk '{print $5}')
    lg=$(grep -A3 '"loadgen"' /tmp/r1024/lt-$tag-$r.log | grep cpu_percent | tr -dc '0-9.')
    p99=$(grep "input-to-effect" /tmp/s5/r1024-$tag-$r.txt | awk '{print $7}')
    late=$(tail -1 /tmp/s5/r1024-$tag-$r.txt | awk '{print $NF}')
    echo "$(date +%T) r$r $tag server $cpu lg $lg snaps $snaps p99 $p99 late_end $late" | tee -a $OUT
  done
done
