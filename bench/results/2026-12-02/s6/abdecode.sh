#!/bin/bash
# 1,024 binary clients, the load generator decoding every frame (all) or only the probes', alternating
O=/tmp/s6/abdecode; mkdir -p $O; cd /tmp/s6
for r in ${ROUNDS:-1 2}; do
  for d in all probes; do
    echo "$(date +%T) $d-$r mb $(/tmp/mb | awk '{print $3}')" >> $O/mb.txt
    LGEXTRA="--decode $d" PERIOD=5 SAMPLES=8 ./run1024d.sh /tmp/s6/sc.jar $d-$r > $O/r1024-$d-$r.txt 2>&1
    cp /tmp/r1024/late-$d-$r.txt /tmp/r1024/lt-$d-$r.log $O/
  done
done
echo done >> $O/mb.txt
