#!/bin/bash
# sp.sh N: the 1,024-client run (60-s window), alternating the head as launched (gsi) and with guaranteed
# safepoints off (nogsi: -XX:GuaranteedSafepointInterval=0, a diagnostic flag); safepoints logged in both; N pairs
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=/tmp/s12/sp DUR=60
for i in $(seq 1 ${1:-3}); do
 for t in nogsi gsi; do
  X=""; [ $t = nogsi ] && X="-XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=0"
  JVM="$X -Xlog:safepoint:file=$OUT/sp-$t-$i.log:time,uptime" $R/run1024g.sh /tmp/s12/head.jar $t-$i
 done
done
