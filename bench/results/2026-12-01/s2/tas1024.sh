#!/bin/bash
# usage: tas1024.sh JAR TAG [clients lobbies]
JAR=$1; TAG=$2; CL=${3:-1024}; LB=${4:-64}; cd /work/main
rm -rf /tmp/jr-1024t
java -XX:StartFlightRecording=settings=/tmp/tas.jfc,filename=/tmp/tas-$TAG.jfr -Xlog:gc:file=/tmp/r1024/tgc-$TAG.log -jar $JAR --port 18231 --http-port 18230 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-1024t > /tmp/r1024/ts-$TAG.log 2>&1 &
SP=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18231) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18231/ws \
    --clients $CL --lobbies $LB --duration 20 --warmup 15 --probes 32 --format bin --connect-rate 200 --server-pid $SP > /tmp/r1024/tlt-$TAG.log 2>&1
jcmd $SP JFR.dump filename=/tmp/tas-$TAG.jfr >/dev/null
kill $SP; wait $SP 2>/dev/null
grep -E "snapshots/s per|CPU %" /tmp/r1024/tlt-$TAG.log
jfr print --json --events jdk.ThreadAllocationStatistics /tmp/tas-$TAG.jfr > /tmp/tas-$TAG.json
python3 - /tmp/tas-$TAG.json <<'PY'
import json,sys,collections,re
ev=json.load(open(sys.argv[1]))['recording']['events']
series=collections.defaultdict(list)
for e in ev:
    v=e['values']; t=v['thread']; name=(t.get('javaName') or t.get('osName') or '?') if t else '?'
    series[re.sub(r'\d+','#',name)+'|'+str(t.get('javaThreadId') if t else '')].append((e['values']['startTime'],v['allocated']))
import datetime
def ts(s): return datetime.datetime.fromisoformat(s.replace('Z','+00:00')).timestamp()
rows=[]
for k,s in series.items():
    s.sort()
    if len(s)<12: continue
    # steady window: from 12th-last-... use samples 20..35 s after first sample
    t0=ts(s[0][0]); w=[(ts(a)-t0,b) for a,b in s]
    a=[x for x in w if 20<=x[0]<=35]
    if len(a)<2: continue
    rate=(a[-1][1]-a[0][1])/(a[-1][0]-a[0][0])
    rows.append((rate,k.split('|')[0]))
agg=collections.Counter()
for r,k in rows: agg[k]+=r
print('steady allocation rate (20-35 s after start), KB/s:')
for k,r in agg.most_common(10): print('%10.1f  %s'%(r/1e3,k))
print('total %.1f KB/s'%(sum(agg.values())/1e3))
PY
