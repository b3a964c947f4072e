#!/bin/bash
# runs after the set: syscall census at 256, hiccup meter idle and under 1,024 load, null syscall cost
S=/work/main/bench/results/2026-12-02/s9/scripts
# (the set has finished)
/tmp/s9/nullsys > /tmp/s10/nullsys-1.txt 2>&1
/tmp/s9/hic/hiccup 20 2 > /tmp/s10/hic-idle.txt 2>&1
bash $S/sysc.sh /tmp/s9/rt.jar rt10 > /tmp/s10/sysc-rt10.out 2>&1
bash $S/ab1024f98.sh /tmp/s9/rt.jar hic-rt10-1 none > /tmp/s10/hic-rt10-1.out 2>&1
bash $S/ab1024f98.sh /tmp/s9/rt.jar hic-rt0-1 none --game-loop-rt-priority 0 > /tmp/s10/hic-rt0-1.out 2>&1
/tmp/s9/nullsys > /tmp/s10/nullsys-2.txt 2>&1
echo done > /tmp/s10/after-set.done
