#!/bin/bash
# usage: tas1024.sh JAR TAG -- per-thread allocation rate (JFR jdk.ThreadAllocationStatistics, 1 s) at 1,024 binary clients
while pgrep -f "jet-raiders-server|bench.load.LoadTest|jr-peers" >/dev/null; do sleep 2; done
JAR=$1; TAG=$2; O=/tmp/s7/tas-$TAG; mkdir -p $O; rm -rf /tmp/jr-tas; cd /work/main
cat > $O/tas.jfc <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">1 s</setting></event>
  <event name="jdk.ObjectAllocationSample"><setting name="enabled">true</setting><setting name="throttle">300/s</setting><setting name="stackTrace">true</setting></event>
</configuration>
JFC
java $JVMFLAGS -XX:StartFlightRecording=settings=$O/tas.jfc,filename=$O/rec.jfr,dumponexit=true -Xlog:gc:file=$O/gc.log:uptime -jar $JAR --port 18201 --http-port 18200 --max-lobbies 80 --max-lobbies-per-address 64 --data-dir /tmp/jr-tas > $O/srv.log 2>&1 & SPID=$!
for i in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/18201) 2>/dev/null && break; sleep 0.2; done
java -cp bench/target/benchmarks.jar org.jetraiders.bench.load.LoadTest --url ws://127.0.0.1:18201/ws \
    --clients 1024 --lobbies 64 --duration 30 --warmup 15 --probes 32 --format bin --decode probes --connect-rate 200 --server-pid $SPID > $O/lt.log 2>&1
kill $SPID; wait $SPID 2>/dev/null
jfr print --events jdk.ThreadAllocationStatistics $O/rec.jfr > $O/tas.txt
jfr print --events jdk.ObjectAllocationSample --stack-depth 8 $O/rec.jfr > $O/alloc.txt
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
print("thread, bytes/s between 25 s and 45 s after the recording's start")
rows=[]
for th,s in series.items():
    a=[p for p in s if 25<=p[0]-t0<=26]; b=[p for p in s if 45<=p[0]-t0<=46]
    if a and b: rows.append(((b[0][1]-a[0][1])/(b[0][0]-a[0][0]),th))
for r,th in sorted(rows,reverse=True)[:10]: print("%10.0f  %s"%(r,th))
print("total %.0f"%sum(r for r,_ in rows))
PY
