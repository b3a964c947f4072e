#!/bin/bash
# gcs.sh: the 1,024-client run (20-s window) under G1 (default), Shenandoah and ZGC, alternating, $1 rounds
R=/work/main/bench/results/2026-12-03/s10/r1024
export OUT=/tmp/s11/gcs
for i in $(seq 1 ${1:-1}); do
 JVM="" $R/run1024g.sh /tmp/s11/head.jar g1-$i
 JVM="-XX:+UseShenandoahGC" $R/run1024g.sh /tmp/s11/head.jar shen-$i
 JVM="-XX:+UseZGC" $R/run1024g.sh /tmp/s11/head.jar zgc-$i
done
