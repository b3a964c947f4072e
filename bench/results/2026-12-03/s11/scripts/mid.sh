#!/bin/bash
# mid.sh: the milder rule (grow past seven eighths of the room, by half) against head and new: 200-s runs, then 60-s
R=/work/main/bench/results/2026-12-03/s10/r1024
for t in mid head new; do
  OUT=/tmp/s11/mid DUR=200 JVM="-Xlog:gc+age=trace,gc+phases=debug:file=/tmp/s11/mid/age-$t.log:time,uptime" $R/run1024g.sh /tmp/s11/$t.jar $t
done
