#!/bin/bash
S=/work/main/bench/results/2026-12-03/s10/r1024/run1024m.sh
for i in 1 2 3; do
  bash $S /tmp/s10/head.jar rt10-$i
  bash $S /tmp/s10/head.jar rt0-$i --game-loop-rt-priority 0
done
echo done
