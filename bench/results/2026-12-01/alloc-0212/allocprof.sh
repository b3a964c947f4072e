#!/bin/bash
JAR=$1; FMT=$2
rm -rf /tmp/jrd5 /tmp/alloc.jfr
java -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jrd5 > /tmp/ap-srv.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.1; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target $FMT --port 18090 --clients 256 --duration 25 --warmup 5 --server-pid $SPID --lobby-prefix ab > /tmp/ap-lg.log 2>&1 &
LG=$!
sleep 10; jcmd $SPID JFR.start name=a settings=profile >/dev/null; sleep 20; jcmd $SPID JFR.dump name=a filename=/tmp/alloc.jfr >/dev/null
wait $LG; kill $SPID; wait $SPID 2>/dev/null
jfr print --json --events jdk.ObjectAllocationSample /tmp/alloc.jfr > /tmp/alloc.json
python3 - <<'PY'
import json,collections
d=json.load(open('/tmp/alloc.json'))['recording']['events']
w=collections.Counter(); site=collections.Counter(); th=collections.Counter()
for e in d:
    v=e['values']; wt=v['weight']; cls=v['objectClass']['name']
    fr=v['stackTrace']['frames'] if v.get('stackTrace') else []
    names=[f['method']['type']['name'].split('/')[-1]+'.'+f['method']['name']+':'+str(f.get('lineNumber')) for f in fr[:6]]
    w[cls]+=wt; site[(cls,' < '.join(names))]+=wt
    import re; th[re.sub(r'\d+','#',v['eventThread']['javaName'] or '?')]+=wt
tot=sum(w.values())
print('total sampled weight MB', tot/1e6, 'over 20 s')
for k,v in th.most_common(8): print('  thread %-30s %.1f MB'%(k,v/1e6))
for (c,s),v in site.most_common(15): print('%.2f MB %s\n      %s'%(v/1e6,c,s))
PY
