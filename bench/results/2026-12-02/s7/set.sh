#!/bin/bash
# the set on HEAD (/tmp/s7/head.jar): 1,024 clients twice, compare.sh bin 256 x3, json 256 x2, bin/json 64 x1
O=/tmp/s7/set; mkdir -p $O; cd /tmp/s7
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
mb() { echo "$(date +%T) $1 mb $(/tmp/mb | awk '{print $3}')" >> $O/mb.txt; }
mb start
for r in 1 2; do ./ab1024.sh /tmp/s7/head.jar set-$r > $O/r1024-$r.txt 2>&1; mb "after 1024 $r"; done
rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target bin --clients "256" --port 18080 --repeat 3 --out $O/cmp-bin-256 -- java -jar /tmp/s7/head.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-bin-256.log 2>&1
mb "after bin 256"
rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target json --clients "256" --port 18080 --repeat 2 --out $O/cmp-json-256 -- java -jar /tmp/s7/head.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-json-256.log 2>&1
mb "after json 256"
for f in bin json; do
  rm -rf /tmp/jr-cmp-data; timeout 600 /tmp/jr-peers/compare.sh --label ours --ours-target $f --clients "64" --port 18080 --out $O/cmp-$f-64 -- java -jar /tmp/s7/head.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-$f-64.log 2>&1
  mb "after $f 64"
done
echo done >> $O/mb.txt
