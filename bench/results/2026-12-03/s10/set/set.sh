#!/bin/bash
# compare.sh at 256 clients: binary x3, then JSON x2 (the set, without the 1,024 runs)
JAR=$1; OUT=${2:-/tmp/s10/set}; mkdir -p $OUT
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers/.*node|jr.jar" >/dev/null; do sleep 2; done
/tmp/mb | tail -1 > $OUT/mb-start.txt
for t in bin json; do
  n=3; [ $t = json ] && n=2
  rm -rf /tmp/jr-cmp-data
  /tmp/jr-peers/compare.sh --label ours --ours-target $t --clients "256" --port 18080 --repeat $n --out $OUT/$t \
    -- java -jar $JAR --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $OUT/$t.txt 2>&1
done
/tmp/mb | tail -1 > $OUT/mb-end.txt
