#!/bin/bash
# run1024w.sh JAR TAG [server flags]: the tenth session's run1024g.sh (which takes WARM, the seconds of load before
# the window, default 15, and BENCH, the load generator jar), with its output in /tmp/s13/r1024 unless OUT is set
OUT=${OUT:-/tmp/s13/r1024} exec "$(dirname "$0")/../../s10/r1024/run1024g.sh" "$@"
