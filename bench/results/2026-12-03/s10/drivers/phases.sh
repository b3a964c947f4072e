#!/bin/bash
while [ ! -f /tmp/s10/after-set.done ]; do sleep 5; done
S=/work/main/bench/results/2026-12-02/s9/scripts
bash $S/gcx.sh ph-1 "-Xlog:gc+phases=debug:file=/tmp/s10/phases-ph-1.log:time,uptime" > /tmp/s10/ph-1.out 2>&1
echo done > /tmp/s10/phases.done
