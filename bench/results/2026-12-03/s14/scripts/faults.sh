#!/bin/bash
# every second: uptime-ish timestamp and minor faults of the server's GC worker threads
while true; do
  P=$(pgrep -f "^java .*-jar .*head.jar")
  [ -n "$P" ] && break; sleep 0.2
done
while kill -0 $P 2>/dev/null; do
  s=""
  for t in /proc/$P/task/*; do
    c=$(cat $t/comm 2>/dev/null)
    case "$c" in "GC Thread"*|G1*) f=$(awk '{print $10}' $t/stat 2>/dev/null); s="$s $c=$f";; esac
  done
  echo "$(date +%H:%M:%S.%N | cut -c1-12) total=$(awk '{print $10}' /proc/$P/stat) $s"
  sleep 1
done
