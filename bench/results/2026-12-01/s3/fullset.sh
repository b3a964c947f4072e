#!/bin/bash
# usage: fullset.sh JAR TAG -- the "Done when" measurements: 1,024 run, compare.sh bin 256 x3, json 256 x2
JAR=$1; TAG=$2; O=/tmp/s3/set-$TAG; mkdir -p $O
echo "$(date +%T) mb: $(/tmp/mb | tail -1)" | tee -a $O/mb.txt
/tmp/run1024.sh $JAR $TAG "-Xlog:gc,safepoint:file=$O/sp-1024.log:uptime" > $O/r1024.txt 2>&1
cp /tmp/r1024/late-$TAG.txt /tmp/r1024/lt-$TAG.log $O/ 2>/dev/null
echo "$(date +%T) mb: $(/tmp/mb | tail -1)" | tee -a $O/mb.txt
rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target bin --clients "256" --port 18080 --repeat 3 -- java -jar $JAR --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-bin-256.log 2>&1
echo "$(date +%T) mb: $(/tmp/mb | tail -1)" | tee -a $O/mb.txt
rm -rf /tmp/jr-cmp-data; timeout 900 /tmp/jr-peers/compare.sh --label ours --ours-target json --clients "256" --port 18080 --repeat 2 -- java -jar $JAR --port {PORT} --http-port 18079 --max-lobbies-per-address 64 --data-dir /tmp/jr-cmp-data > $O/compare-json-256.log 2>&1
echo "$(date +%T) mb: $(/tmp/mb | tail -1)" | tee -a $O/mb.txt
