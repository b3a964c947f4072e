#!/bin/bash
while pgrep -f "abox3.sh" > /dev/null; do sleep 3; done
bash /work/main/bench/results/2026-12-03/s10/set/set.sh /tmp/s10/head.jar /tmp/s10/set2
echo done
