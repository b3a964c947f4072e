#!/bin/bash
S=/work/main/bench/results/2026-12-03/s10/r1024/run1024g.sh
for i in 1 2 3; do
  JVM="" bash $S /tmp/s10/head.jar box0-$i
  JVM="-XX:AutoBoxCacheMax=65536" bash $S /tmp/s10/head.jar box64k-$i
done
echo done
