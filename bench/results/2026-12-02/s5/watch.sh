#!/bin/bash
# checks the machine every 3 min until DEADLINE (epoch s); when the pointer chase is under 140 ns, runs the fullset once
DEADLINE=$1; O=/tmp/s5/set-fast; mkdir -p $O
while [ $(date +%s) -lt $DEADLINE ]; do
  m=$(/tmp/mb | tail -1 | awk '{print $3}')
  echo "$(date +%T) $m" >> /tmp/s5/watch.log
  if awk "BEGIN{exit !($m < 140)}"; then
    echo "$(date +%T) fast: running the set" >> /tmp/s5/watch.log
    echo "$(date +%T) mb: $m" >> $O/mb.txt
    PERIOD=5 SAMPLES=8 /tmp/s5/run1024p.sh /tmp/s5/as.jar fast "-Xlog:gc,safepoint:file=$O/sp-1024.log:uptime" > $O/r1024.txt 2>&1
    cp /tmp/r1024/late-fast.txt /tmp/r1024/lt-fast.log $O/ 2>/dev/null
    echo "$(date +%T) mb: $(/tmp/mb | tail -1 | awk '{print $3}')" >> $O/mb.txt
    rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target bin --clients "256" --port 18080 --repeat 3 -- java -jar /tmp/s5/as.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-bin-256.log 2>&1
    echo "$(date +%T) mb: $(/tmp/mb | tail -1 | awk '{print $3}')" >> $O/mb.txt
    rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target json --clients "256" --port 18080 --repeat 2 -- java -jar /tmp/s5/as.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-json-256.log 2>&1
    echo "$(date +%T) mb: $(/tmp/mb | tail -1 | awk '{print $3}')" >> $O/mb.txt
    echo "$(date +%T) set done" >> /tmp/s5/watch.log
    exit 0
  fi
  sleep 180
done
