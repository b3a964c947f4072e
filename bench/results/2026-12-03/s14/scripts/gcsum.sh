#!/bin/bash
# gcsum.sh LOG... : every pause after 10 s of uptime (uptime s, kind, heap, ms) with its CPU line
for f in "$@"; do
  echo "== $(basename $f)"
  grep -E "Pause.*ms$|User=" $f | sed -E 's/^\[[^]]*\]\[([0-9.]+)s\] /\1 /' | awk '$1>10' | sed 's/(G1 Evacuation Pause) //' | paste -d' ' - - | awk '{print $1, $2, $3, $4, $5, $6, $7, $(NF-2), $(NF-1), $NF}'
done
