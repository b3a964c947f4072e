#!/bin/bash
S=/work/main/bench/results/2026-12-02/s9/scripts/ab1024f.sh
for i in 1 2 3 4 5; do
  bash $S /tmp/s9/rt.jar rt0-$i none --game-loop-rt-priority 0
  bash $S /tmp/s9/rt.jar rt10-$i none
done
