#!/bin/bash
# compare.sh bin 256 x3 with --game-loop-nice 0, then x3 with the default (-10), same jar
O=/tmp/s7/ab256; mkdir -p $O; cd /tmp/s7
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
for n in 0 -10; do
  echo "$(date +%T) nice $n mb $(/tmp/mb | awk '{print $3}')" >> $O/mb.txt
  rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target bin --clients "256" --port 18080 --repeat 3 --out $O/cmp-nice$n -- java -jar /tmp/s7/head2.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data --game-loop-nice $n > $O/compare-nice$n.log 2>&1
done
echo "$(date +%T) done mb $(/tmp/mb | awk '{print $3}')" >> $O/mb.txt
