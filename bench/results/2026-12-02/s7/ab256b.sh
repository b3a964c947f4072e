#!/bin/bash
# compare.sh bin 256, one run each, alternating --game-loop-nice 0 and the default (-10), three rounds
O=/tmp/s7/ab256; mkdir -p $O; cd /tmp/s7
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
for r in 1 2 3; do for n in 0 -10; do
  echo "$(date +%T) round $r nice $n mb $(/tmp/mb | awk '{print $3}')" >> $O/mb-b.txt
  rm -rf /tmp/jr-cmp-data; timeout 600 /tmp/jr-peers/compare.sh --label ours --ours-target bin --clients "256" --port 18080 --out $O/cmp-r$r-nice$n -- java -jar /tmp/s7/head2.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data --game-loop-nice $n > $O/compare-r$r-nice$n.log 2>&1
done; done
echo "$(date +%T) done" >> $O/mb-b.txt
