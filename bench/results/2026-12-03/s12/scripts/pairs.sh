#!/bin/bash
# pairs.sh N: the 1,024-client run (60-s window), alternating the build before this session's change (head, c77eb8e)
# and with frames built in the sending thread's buffer (tlb, 02b4396); GC ages and phases logged; N pairs
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=/tmp/s12/pairs DUR=60
for i in $(seq 1 ${1:-3}); do
 for t in tlb head; do
  JVM="-Xlog:gc+age=trace,gc+phases=debug:file=$OUT/age-$t-$i.log:time,uptime" $R/run1024g.sh /tmp/s12/$t.jar $t-$i
 done
done
