#!/bin/bash
# usage: tas.sh JAR TAG N -- per-thread allocated bytes (JFR jdk.ThreadAllocationStatistics, 1 s) over a 60-s load of N bin clients
JAR=$1; TAG=$2; N=$3; O=/tmp/s6/tas-$TAG; mkdir -p $O; rm -rf /tmp/jr-tas
cat > $O/tas.jfc <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">1 s</setting></event>
</configuration>
JFC
java -XX:StartFlightRecording=settings=$O/tas.jfc,filename=$O/rec.jfr,dumponexit=true -jar $JAR --port 18090 --http-port 18091 --max-lobbies-per-address 64 --data-dir /tmp/jr-tas > $O/srv.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18090) 2>/dev/null && break; sleep 0.2; done; sleep 0.5
node /tmp/jr-peers/loadgen/index.js --target bin --port 18090 --clients $N --per-room 16 --probes 4 --duration 60 --warmup 5 --server-pid $SPID --lobby-prefix tas > $O/lg.log 2>&1
kill $SPID; wait $SPID 2>/dev/null
jfr print --events jdk.ThreadAllocationStatistics $O/rec.jfr > $O/tas.txt
grep -E "server CPU|snapshots / client" $O/lg.log
python3 - $O/tas.txt <<'PY'
import sys,re,collections
txt=open(sys.argv[1]).read()
series=collections.defaultdict(list)
for e in txt.split('jdk.ThreadAllocationStatistics {')[1:]:
    t=re.search(r'startTime = (\d+):(\d+):([\d.]+)',e); sec=int(t.group(1))*3600+int(t.group(2))*60+float(t.group(3))
    a=re.search(r'allocated = ([\d.]+) (\w+)',e); v=float(a.group(1))*{'bytes':1,'byte':1,'kB':1e3,'MB':1e6,'GB':1e9}[a.group(2)]
    th=re.search(r"thread = \"([^\"]*)\"",e); th=th.group(1) if th else "?"
    series[th].append((sec,v))
t0=min(s[0][0] for s in series.values())
print("thread, bytes/s between 30 s and 60 s after the recording's start")
rows=[]
for th,s in series.items():
    a=[p for p in s if 30<=p[0]-t0<=31]; b=[p for p in s if 60<=p[0]-t0<=61]
    if a and b: rows.append(((b[0][1]-a[0][1])/(b[0][0]-a[0][0]),th))
for r,th in sorted(rows,reverse=True)[:10]: print(f"{r:12.0f} B/s  {th}")
PY
