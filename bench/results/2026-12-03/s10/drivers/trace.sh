#!/bin/bash
while [ ! -f /tmp/s10/phases.done ]; do sleep 5; done
S=/work/main/bench/results/2026-12-02/s9/scripts
for tag in rt10 rt0; do
  fl=""; [ $tag = rt0 ] && fl="--game-loop-rt-priority 0"
  bash $S/trace1024.sh /tmp/s9/rt.jar tr-$tag $fl > /tmp/s10/tr-$tag.out 2>&1
  perf script -F cpu,time,event,trace -i /tmp/s9/tr/perf-tr-$tag.data > /tmp/s9/tr/sched-tr-$tag.txt 2>/dev/null
  python3 $S/schedan.py /tmp/s9/tr/sched-tr-$tag.txt > /tmp/s10/schedan-tr-$tag.txt 2>&1
done
echo done > /tmp/s10/trace.done
