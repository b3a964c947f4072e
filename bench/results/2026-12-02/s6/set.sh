#!/bin/bash
# the set on sc (HEAD) plus one 1,024 run of base for the GC comparison
O=/tmp/s6/set; mkdir -p $O; cd /tmp/s6
mb() { echo "$(date +%T) $1 mb $(/tmp/mb | awk '{print $3}')" >> $O/mb.txt; }
mb start
for t in sc base; do
  PERIOD=5 SAMPLES=8 ./run1024p.sh /tmp/s6/$t.jar $t "-Xlog:gc:file=$O/gc-1024-$t.log:uptime" > $O/r1024-$t.txt 2>&1
  cp /tmp/r1024/late-$t.txt /tmp/r1024/lt-$t.log $O/
  mb "after 1024 $t"
done
rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target bin --clients "256" --port 18080 --repeat 3 --out $O/cmp-bin-256 -- java -jar /tmp/s6/sc.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-bin-256.log 2>&1
mb "after bin 256"
rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target json --clients "256" --port 18080 --repeat 2 --out $O/cmp-json-256 -- java -jar /tmp/s6/sc.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-json-256.log 2>&1
mb "after json 256"
for f in bin json; do
  rm -rf /tmp/jr-cmp-data; timeout 600 /tmp/jr-peers/compare.sh --label ours --ours-target $f --clients "64" --port 18080 --out $O/cmp-$f-64 -- java -jar /tmp/s6/sc.jar --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-$f-64.log 2>&1
  mb "after $f 64"
done
echo done >> $O/mb.txt
