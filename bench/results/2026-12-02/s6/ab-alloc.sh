#!/bin/bash
# histodiff and tas, base then sc, then JFR allocation samples of sc; 256 binary clients each
cd /tmp/s6
for t in base sc; do echo "== histodiff $t $(date +%T) mb $(/tmp/mb | awk '{print $3}')"; ./histodiff.sh /tmp/s6/$t.jar $t 256; done
for t in base sc; do echo "== tas $t $(date +%T)"; ./tas.sh /tmp/s6/$t.jar $t 256; done
echo "== jfralloc sc $(date +%T)"; ./jfralloc.sh /tmp/s6/sc.jar sc 256; python3 jfragg.py /tmp/s6/ja-sc/alloc.txt 30 25
echo "== done $(date +%T) mb $(/tmp/mb | awk '{print $3}')"
