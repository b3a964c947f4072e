#!/bin/bash
S=/work/main/bench/results/2026-12-03/s10/r1024/run1024m.sh
for i in 4 5 6; do
  bash $S /tmp/s10/head.jar rt0-$i --game-loop-rt-priority 0
  bash $S /tmp/s10/head.jar rt10-$i
done
echo done
