#!/bin/bash
# runs BrowserPlayIT N times, optionally under 2 busy loops
cd /work/main
N=${1:-5}; LOAD=${2:-0}
if [ "$LOAD" = 1 ]; then (while :; do :; done) & B1=$!; (while :; do :; done) & B2=$!; fi
for i in $(seq 1 $N); do
  mvn -B verify -pl server -Dit.test=BrowserPlayIT -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false > /tmp/bp/run-$LOAD-$i.log 2>&1
  echo "run $i rc $? $(grep -E 'Tests run:.*BrowserPlayIT' /tmp/bp/run-$LOAD-$i.log)"
  cp -r server/target/failsafe-reports /tmp/bp/fs-$LOAD-$i 2>/dev/null
done
[ "$LOAD" = 1 ] && kill $B1 $B2
