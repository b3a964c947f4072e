#!/bin/bash
S=/work/main/bench/results/2026-12-03/s10/r1024/run1024g.sh
for i in 2 3; do
  DUR=120 JVM="" bash $S /tmp/s10/head.jar long-box0-$i
  DUR=120 JVM="-XX:AutoBoxCacheMax=65536" bash $S /tmp/s10/head.jar long-box64k-$i
done
echo done
