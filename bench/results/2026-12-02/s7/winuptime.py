# usage (in ab/): python3 winuptime.py TAG... -- each run's 20-s window in server uptime, and the young pauses in it
import re,sys
for t in sys.argv[1:]:
    l=open(f's-{t}.log').readline()
    m=re.match(r'(\d+):(\d+):([\d.]+) .*in (\d+) ms; compiler quiet after (\d+) ms',l)
    hms=int(m.group(1))*3600+int(m.group(2))*60+float(m.group(3))
    start=hms-(int(m.group(4))+int(m.group(5)))/1000-0.3   # JVM start, roughly: the log line less the warm-up
    reads=[x.split() for x in open(f'late-{t}.txt') if x.strip()]
    def sec(s): h,mi,se=s.split(':'); return int(h)*3600+int(mi)*60+float(se)
    w0=sec(reads[3][0])-start; w1=sec(reads[7][0])-start
    gcs=[(float(a),float(b)) for a,b in re.findall(r'\[([\d.]+)s\].*Pause Young.* ([\d.]+)ms',open(f'gc-{t}.log').read())]
    print(t, "window uptime %.1f-%.1f s"%(w0,w1), "young pauses in it (uptime s, ms):", [g for g in gcs if w0<=g[0]<=w1])
